#version 330 core
// Reduces the selected maps of a texture array to one map (per-texel max), at heatmap resolution.
// Doing the max here, once per heatmap texel, instead of per screen pixel keeps the overlay cheap
// on software GL (64x64x68 fetches instead of face-area x 68).
uniform sampler2DArray u_maps;
uniform int u_layers[128];
uniform int u_count;
uniform float u_scale;
out vec4 o_value;
void main() {
    ivec2 t = ivec2(gl_FragCoord.xy);
    float m = 0.0;
    for (int i = 0; i < u_count; i++) {
        m = max(m, texelFetch(u_maps, ivec3(t, u_layers[i]), 0).r);
    }
    o_value = vec4(clamp(m * u_scale, 0.0, 1.0), 0.0, 0.0, 1.0);
}
