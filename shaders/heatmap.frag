#version 330 core
// Colour-mapped, transparent heatmap overlay. u_value holds the selected maps' per-texel max,
// normalised to [0, 1] (HeatmapOverlay); it is sampled bilinearly across the face crop and
// mapped through a "hot" colour map; alpha grows with the value so cold areas leave the video visible.
in vec2 v_uv;
uniform sampler2D u_value;
uniform float u_opacity;
out vec4 o_color;

// "Hot" colour map: black -> red -> yellow -> white, monotonic in brightness so the peak is the
// brightest spot (a rainbow map would hide the maximum in dark red).
vec3 hot(float x) {
    return clamp(vec3(3.0 * x, 3.0 * x - 1.0, 3.0 * x - 2.0), 0.0, 1.0);
}

void main() {
    float v = texture(u_value, v_uv).r;
    o_color = vec4(hot(v), u_opacity * sqrt(v));
}
