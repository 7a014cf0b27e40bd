package dev.facemark.core.runtime;

/**
 * Per-point confidence of a heatmap model: the probability mass in the 3x3 neighbourhood of each
 * map's peak. A map that is a sharp blob scores near 1; a flat map (the model does not know where
 * the point is) scores about 9 / (w * h). Maps are softmax outputs, so each sums to 1.
 */
public final class HeatmapConfidence {
    private HeatmapConfidence() {}

    /**
     * @param maps   planar maps, {@code points} maps of {@code w * h} values starting at {@code offset}
     * @param out    one score per point, written from index 0
     */
    public static void peakMass(float[] maps, int offset, int points, int w, int h, float[] out) {
        int n = w * h;
        for (int p = 0; p < points; p++) {
            int base = offset + p * n, best = 0;
            float bestV = Float.NEGATIVE_INFINITY, total = 0f;
            for (int i = 0; i < n; i++) {
                float v = maps[base + i];
                total += v;
                if (v > bestV) { bestV = v; best = i; }
            }
            int bx = best % w, by = best / w;
            float mass = 0f;
            for (int y = Math.max(0, by - 1); y <= Math.min(h - 1, by + 1); y++) {
                for (int x = Math.max(0, bx - 1); x <= Math.min(w - 1, bx + 1); x++) mass += maps[base + y * w + x];
            }
            // Divide by the total so maps that are not exactly normalised still give a share in [0, 1].
            out[p] = total > 0f ? Math.min(1f, Math.max(0f, mass / total)) : 0f;
        }
    }
}
