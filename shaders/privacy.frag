#version 330 core
// Privacy blur / pixelation of a face region. The video's mip chain (regenerated per frame) does
// the heavy averaging: blur takes a 5x5 tent of taps at the mip level whose texels are ~half the
// blur radius; pixelate takes one mip-averaged sample per block. The region's edge is a feathered
// rounded square (L4 norm) so the effect has no hard border.
in vec2 v_src;
in vec2 v_local;
uniform sampler2D u_videoTex;
uniform vec2 u_video;
uniform int u_mode;        // 0 blur, 1 pixelate
uniform float u_radius;    // blur radius or block size, source pixels
out vec4 o_color;

void main() {
    vec2 l4 = v_local * v_local;
    float n = sqrt(sqrt(dot(l4, l4)));
    float mask = 1.0 - smoothstep(0.88, 1.0, n);
    if (mask <= 0.0) discard;
    vec3 c;
    if (u_mode == 1) {
        vec2 block = (floor((v_src + 0.5) / u_radius) + 0.5) * u_radius;
        c = textureLod(u_videoTex, block / u_video, log2(u_radius)).rgb;
    } else {
        float lod = max(0.0, log2(u_radius * 0.5));
        float step = exp2(lod);
        vec3 sum = vec3(0.0);
        float ws = 0.0;
        for (int j = -2; j <= 2; j++) {
            for (int i = -2; i <= 2; i++) {
                float w = (3.0 - abs(float(i))) * (3.0 - abs(float(j)));
                sum += w * textureLod(u_videoTex, (v_src + 0.5 + vec2(i, j) * step) / u_video, lod).rgb;
                ws += w;
            }
        }
        c = sum / ws;
    }
    o_color = vec4(c, mask);
}
