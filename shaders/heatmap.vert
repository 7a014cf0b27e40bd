#version 330 core
// One face's heatmap quad: corners of the model-input crop mapped to target pixels; a_uv spans the maps.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
uniform vec2 u_target;
out vec2 v_uv;
void main() {
    v_uv = a_uv;
    gl_Position = vec4(a_pos / u_target * 2.0 - 1.0, 0.0, 1.0);
}
