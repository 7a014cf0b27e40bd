#version 330 core
// Wireframe from barycentrics: distance to the nearest edge in screen pixels (via fwidth) gives
// anti-aliased lines of constant width at any face size. Shaded mode also fills the triangle with
// u_fill modulated by the per-vertex shade (a dome-like falloff from the nose).
in vec3 v_bary;
in float v_shade;
uniform vec4 u_line;      // RGBA line colour
uniform vec4 u_fill;      // RGBA fill colour (alpha 0: wireframe only)
uniform float u_lineWidth; // pixels
uniform float u_opacity;
out vec4 o_color;
void main() {
    vec3 d = v_bary / max(fwidth(v_bary), vec3(1e-6));
    float edge = min(d.x, min(d.y, d.z));
    float line = 1.0 - smoothstep(u_lineWidth * 0.5 - 0.5, u_lineWidth * 0.5 + 0.5, edge);
    vec4 fill = vec4(u_fill.rgb * v_shade, u_fill.a);
    vec4 c = mix(fill, u_line, line * u_line.a);
    c.a = max(fill.a, line * u_line.a) * u_opacity;
    if (c.a <= 0.0) discard;
    o_color = c;
}
