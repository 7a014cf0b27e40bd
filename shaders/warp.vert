#version 330 core
// Landmark-driven mesh warp. A grid over the face region samples the video at its rest position
// and is drawn displaced, so image content moves from p to p + d(p):
//  - eyes: radial push out of each eye centre, d = (p - c) * s * (1 - r^2)^2 for r = |p - c| / R < 1
//    (monotonic for s < 1.25, so no folds; zero and flat at r = 1);
//  - jaw: Gaussian-weighted blend of per-jaw-point pulls towards the face's midline.
// The displacement fades to zero towards the grid's border, so the patch meets the untouched
// video without a seam.
layout(location = 0) in vec2 a_grid;     // [0, 1]^2
uniform vec4 u_region;                   // x0, y0, w, h in source pixels
uniform vec4 u_eyes;                     // two eye centres
uniform float u_eyeRadius;
uniform float u_eyeStrength;
uniform vec2 u_jawPts[17];
uniform vec2 u_jawPull[17];
uniform int u_jawCount;
uniform float u_jawSigma;
uniform vec4 u_map;                      // target = u_map.zw + (p + 0.5) * u_map.xy
uniform vec2 u_target;
uniform vec2 u_video;
out vec2 v_uv;

vec2 eyePush(vec2 p, vec2 c) {
    vec2 q = p - c;
    float r2 = dot(q, q) / (u_eyeRadius * u_eyeRadius);
    if (r2 >= 1.0) return vec2(0.0);
    float f = 1.0 - r2;
    return q * u_eyeStrength * f * f;
}

void main() {
    vec2 p = u_region.xy + a_grid * u_region.zw;
    vec2 d = vec2(0.0);
    if (u_eyeStrength != 0.0) d += eyePush(p, u_eyes.xy) + eyePush(p, u_eyes.zw);
    if (u_jawCount > 0) {
        vec2 acc = vec2(0.0);
        float ws = 0.0;
        for (int j = 0; j < u_jawCount; j++) {
            vec2 q = p - u_jawPts[j];
            float w = exp(-dot(q, q) / (2.0 * u_jawSigma * u_jawSigma));
            acc += w * u_jawPull[j];
            ws += w;
        }
        d += acc / (ws + 1e-4) * min(ws, 1.0);
    }
    vec2 e = min(a_grid, 1.0 - a_grid);
    d *= smoothstep(0.0, 0.2, min(e.x, e.y));
    v_uv = (p + 0.5) / u_video;
    vec2 t = u_map.zw + (p + d + 0.5) * u_map.xy;
    gl_Position = vec4(t / u_target * 2.0 - 1.0, 0.0, 1.0);
}
