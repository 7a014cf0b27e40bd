#version 330 core
// Video colour conversion on the GPU, one program per VIDEO_MODE (defined by the loader) so
// software GL runs no dead branches:
// 0: RGB(A) texture (BGR frames are uploaded with GL_BGR, see VideoTexture for why).
// 1: I420 (Y, U, V planes, R8 each).   2: NV12 (Y plane R8, interleaved UV plane RG8).
// YUV is BT.601 limited range, what webcams and most SD/HD decoders emit.
#ifndef VIDEO_MODE
#define VIDEO_MODE 0
#endif
in vec2 v_uv;
uniform sampler2D u_tex0;
uniform sampler2D u_tex1;
uniform sampler2D u_tex2;
uniform float u_alpha;
out vec4 o_color;

vec3 yuvToRgb(float y, float u, float v) {
    y = 1.164383 * (y - 16.0 / 255.0);
    u -= 0.5;
    v -= 0.5;
    return clamp(vec3(y + 1.596027 * v,
                      y - 0.391762 * u - 0.812968 * v,
                      y + 2.017232 * u), 0.0, 1.0);
}

void main() {
#if VIDEO_MODE == 0
    vec3 rgb = texture(u_tex0, v_uv).rgb;
#elif VIDEO_MODE == 1
    vec3 rgb = yuvToRgb(texture(u_tex0, v_uv).r, texture(u_tex1, v_uv).r, texture(u_tex2, v_uv).r);
#else
    vec2 c = texture(u_tex1, v_uv).rg;
    vec3 rgb = yuvToRgb(texture(u_tex0, v_uv).r, c.x, c.y);
#endif
    o_color = vec4(rgb, u_alpha);
}
