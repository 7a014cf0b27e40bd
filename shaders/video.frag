#version 330 core
// Video colour conversion on the GPU.
// u_mode 0: BGR bytes uploaded as-is into an RGB texture -> swizzle here (no CPU conversion).
// u_mode 1: I420 (Y, U, V planes, R8 each). u_mode 2: NV12 (Y plane R8, interleaved UV plane RG8).
// u_mode 3: already RGB(A) (an intermediate texture).
// YUV is BT.601 limited range, what webcams and most SD/HD decoders emit.
in vec2 v_uv;
uniform int u_mode;
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
    vec3 rgb;
    if (u_mode == 0) {
        rgb = texture(u_tex0, v_uv).bgr;
    } else if (u_mode == 1) {
        rgb = yuvToRgb(texture(u_tex0, v_uv).r, texture(u_tex1, v_uv).r, texture(u_tex2, v_uv).r);
    } else if (u_mode == 2) {
        vec2 c = texture(u_tex1, v_uv).rg;
        rgb = yuvToRgb(texture(u_tex0, v_uv).r, c.x, c.y);
    } else {
        rgb = texture(u_tex0, v_uv).rgb;
    }
    o_color = vec4(rgb, u_alpha);
}
