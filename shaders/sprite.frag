#version 330 core
// Straight-alpha RGBA sprite, faded by u_opacity (faces held while tracking is lost fade out).
in vec2 v_uv;
uniform sampler2D u_sprite;
uniform float u_opacity;
out vec4 o_color;
void main() {
    vec4 c = texture(u_sprite, v_uv);
    o_color = vec4(c.rgb, c.a * u_opacity);
}
