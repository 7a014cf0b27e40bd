#version 330 core
// Sprite quad corners in source pixels (already placed by the face's similarity transform).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
uniform vec4 u_map;    // target = u_map.zw + (p + 0.5) * u_map.xy
uniform vec2 u_target;
out vec2 v_uv;
void main() {
    v_uv = a_uv;
    vec2 t = u_map.zw + (a_pos + 0.5) * u_map.xy;
    gl_Position = vec4(t / u_target * 2.0 - 1.0, 0.0, 1.0);
}
