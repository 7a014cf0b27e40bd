#version 330 core
// Face privacy quad: corners in source pixels plus local coordinates in [-1, 1] for the mask.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_local;
uniform vec4 u_map;    // target = u_map.zw + (p + 0.5) * u_map.xy
uniform vec2 u_target;
out vec2 v_src;
out vec2 v_local;
void main() {
    v_src = a_pos;
    v_local = a_local;
    vec2 t = u_map.zw + (a_pos + 0.5) * u_map.xy;
    gl_Position = vec4(t / u_target * 2.0 - 1.0, 0.0, 1.0);
}
