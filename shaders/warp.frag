#version 330 core
// The warped face patch: video colour from the grid vertex's rest position.
in vec2 v_uv;
uniform sampler2D u_videoTex;
out vec4 o_color;
void main() {
    o_color = vec4(texture(u_videoTex, v_uv).rgb, 1.0);
}
