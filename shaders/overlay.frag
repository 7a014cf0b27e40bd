#version 330 core
// Solid colour when v_uv.x < 0, else a glyph: the font atlas' red channel is coverage.
in vec2 v_uv;
in vec4 v_color;
uniform sampler2D u_font;
out vec4 o_color;
void main() {
    if (v_uv.x < 0.0) {
        o_color = v_color;
    } else {
        o_color = vec4(v_color.rgb, v_color.a * texture(u_font, v_uv).r);
    }
}
