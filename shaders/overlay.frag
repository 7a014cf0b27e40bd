#version 330 core
// Three kinds of overlay triangles, told apart by v_uv (OverlayBatch):
//   v_uv.x == -1      solid colour;
//   v_uv.x  < -5      a disc: (v_uv.x + 10, v_uv.y) is the position in the disc's unit circle;
//   v_uv.x >= 0       a glyph: the font atlas' red channel is coverage.
in vec2 v_uv;
in vec4 v_color;
uniform sampler2D u_font;
out vec4 o_color;
void main() {
    if (v_uv.x < -5.0) {
        float d = length(vec2(v_uv.x + 10.0, v_uv.y));
        float aa = max(fwidth(d), 1e-4);   // one pixel in unit-circle units
        float cover = clamp((1.0 - d) / aa + 0.5, 0.0, 1.0);
        if (cover <= 0.0) discard;
        o_color = vec4(v_color.rgb, v_color.a * cover);
    } else if (v_uv.x < 0.0) {
        o_color = v_color;
    } else {
        o_color = vec4(v_color.rgb, v_color.a * texture(u_font, v_uv).r);
    }
}
