#version 330 core
// Heatmap overlay: u_rgba holds the selected maps already colour-mapped and premultiplied
// (HeatmapOverlay / HeatColours, "hot" map, alpha = opacity * sqrt(value)); here it is only sampled
// bilinearly across the face crop. Blended with (ONE, ONE_MINUS_SRC_ALPHA).
in vec2 v_uv;
uniform sampler2D u_value;
out vec4 o_color;

void main() {
    o_color = texture(u_value, v_uv);
}
