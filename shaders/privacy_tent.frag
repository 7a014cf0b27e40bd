#version 330 core
// 3x3 tent blur of the small box-averaged face copy, at its own (tiny) resolution, so the full-size
// pass needs a single bilinear tap.
in vec2 v_uv;
uniform sampler2D u_small;
uniform vec2 u_cells;
out vec4 o_color;
void main() {
    ivec2 c = ivec2(v_uv * u_cells);
    ivec2 hi = ivec2(u_cells) - 1;
    vec3 sum = vec3(0.0);
    float ws = 0.0;
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++) {
            float w = (2.0 - abs(float(i))) * (2.0 - abs(float(j)));
            sum += w * texelFetch(u_small, clamp(c + ivec2(i, j), ivec2(0), hi), 0).rgb;
            ws += w;
        }
    }
    o_color = vec4(sum / ws, 1.0);
}
