#version 330 core
// Box-averages the face region of the video into a small texture: each output texel is the mean of
// its cell (u_region / output size) from 6x6 bilinear taps. Far cheaper on software GL than a wide
// blur kernel at full resolution or a mip chain of the whole frame.
in vec2 v_uv;
uniform sampler2D u_videoTex;
uniform vec2 u_video;     // video size, pixels
uniform vec4 u_region;    // x0, y0 (pixel edges), w, h in source pixels
uniform vec2 u_cells;     // output size in texels
out vec4 o_color;
void main() {
    vec2 cell = u_region.zw / u_cells;
    vec2 origin = u_region.xy + floor(v_uv * u_cells) * cell;
    vec3 sum = vec3(0.0);
    for (int j = 0; j < 6; j++) {
        for (int i = 0; i < 6; i++) {
            vec2 p = origin + (vec2(i, j) + 0.5) / 6.0 * cell;   // pixel-edge coordinates
            sum += texture(u_videoTex, p / u_video).rgb;
        }
    }
    o_color = vec4(sum / 36.0, 1.0);
}
