#version 330 core
// Colour-mapped, transparent heatmap overlay: max over the selected maps of a texture array,
// normalised by u_scale (1 / max of the selection), through a "hot" colour map; alpha grows
// with the value so cold areas leave the video visible.
in vec2 v_uv;
uniform sampler2DArray u_maps;
uniform int u_layers[128];
uniform int u_count;
uniform float u_scale;
uniform float u_opacity;
out vec4 o_color;

// "Hot" colour map: black -> red -> yellow -> white, monotonic in brightness so the peak is the
// brightest spot (a rainbow map would hide the maximum in dark red).
vec3 hot(float x) {
    return clamp(vec3(3.0 * x, 3.0 * x - 1.0, 3.0 * x - 2.0), 0.0, 1.0);
}

void main() {
    float m = 0.0;
    for (int i = 0; i < u_count; i++) {
        m = max(m, texture(u_maps, vec3(v_uv, float(u_layers[i]))).r);
    }
    float v = clamp(m * u_scale, 0.0, 1.0);
    o_color = vec4(hot(v), u_opacity * sqrt(v));
}
