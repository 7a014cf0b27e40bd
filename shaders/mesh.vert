#version 330 core
// Face mesh triangles, unshared vertices: position (source pixels), barycentric corner, shade.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec3 a_bary;
layout(location = 2) in float a_shade;
uniform vec4 u_map;    // target = u_map.zw + (p + 0.5) * u_map.xy
uniform vec2 u_target;
out vec3 v_bary;
out float v_shade;
void main() {
    v_bary = a_bary;
    v_shade = a_shade;
    vec2 t = u_map.zw + (a_pos + 0.5) * u_map.xy;
    gl_Position = vec4(t / u_target * 2.0 - 1.0, 0.0, 1.0);
}
