#version 330 core
// Privacy blur / pixelation of a face region from its box-averaged copy (privacy_down.frag):
// pixelate shows the cells as blocks; blur interpolates the tent-blurred cells (privacy_tent.frag)
// bilinearly, which reads as a wide soft blur. The region's edge is a feathered rounded square (L4 norm) so
// the effect has no hard border.
in vec2 v_src;
in vec2 v_local;
uniform sampler2D u_small;
uniform vec2 u_cells;
uniform int u_mode;        // 0 blur, 1 pixelate
out vec4 o_color;

void main() {
    vec2 l4 = v_local * v_local;
    float n = sqrt(sqrt(dot(l4, l4)));
    float mask = 1.0 - smoothstep(0.88, 1.0, n);
    if (mask <= 0.0) discard;
    vec2 uv = v_local * 0.5 + 0.5;
    vec3 c;
    if (u_mode == 1) {
        c = texelFetch(u_small, ivec2(min(uv * u_cells, u_cells - 1.0)), 0).rgb;
    } else {
        c = texture(u_small, uv).rgb;
    }
    o_color = vec4(c, mask);
}
