#version 330 core
// Video quad: a_pos in target pixels (y down, 0..size), a_uv texture coords (row 0 = top of the image).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
uniform vec2 u_target;
out vec2 v_uv;
void main() {
    v_uv = a_uv;
    // y-down target pixels -> NDC with row 0 at NDC -1, so glReadPixels returns rows top-first.
    gl_Position = vec4(a_pos / u_target * 2.0 - 1.0, 0.0, 1.0);
}
