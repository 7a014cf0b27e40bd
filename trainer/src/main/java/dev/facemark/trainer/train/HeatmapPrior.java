package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.facemark.trainer.model.Head;
import dev.facemark.trainer.model.NativeConstants;

/**
 * A regulariser for soft-argmax heads (DSNT's idea): the coordinate loss alone fixes only the mean of each
 * point's probability map, so maps may spread or split as long as their mean lands right. This adds
 * {@code weight} times the mean KL divergence from a Gaussian of {@code sigma} heatmap cells at the true
 * point to the predicted map, which keeps each map a single compact blob centred on its point.
 *
 * <p>Points with less than half of their Gaussian on the map (augmented crops cut off part of the jaw)
 * get no term. The Gaussian is computed in Java from the batch's targets and copied into libtorch's memory,
 * since backward needs it ({@link NativeConstants}).
 *
 * @param weight multiplier of the KL term (0 = off)
 * @param sigma  standard deviation of the target Gaussian, heatmap cells
 */
public record HeatmapPrior(float weight, float sigma) {
    public static final HeatmapPrior OFF = new HeatmapPrior(0f, 1f);
    private static final float EPS = 1e-8f;

    public HeatmapPrior {
        if (!(weight >= 0)) throw new IllegalArgumentException("heatmap prior weight must be >= 0, got " + weight);
        if (!(sigma > 0)) throw new IllegalArgumentException("heatmap prior sigma must be > 0, got " + sigma);
    }

    public boolean on() { return weight > 0; }

    /**
     * The weighted mean KL(target || predicted) over the batch's points with a target on the map.
     *
     * @param prob    predicted maps [N, P, h, w] (each sums to 1)
     * @param targets true points, input pixels, interleaved x, y per point, N * P * 2 values
     */
    public NDArray compute(NDArray prob, float[] targets, Head.Heatmaps head) {
        Shape s = prob.getShape();
        int n = (int) s.get(0), p = (int) s.get(1), h = head.height(), w = head.width();
        float[] q = new float[n * p * h * w];
        double entropy = 0;
        int counted = 0;
        float[] gx = new float[w], gy = new float[h];
        for (int i = 0; i < n * p; i++) {
            float tx = targets[2 * i], ty = targets[2 * i + 1];
            if (!gaussian(tx, ty, head, gx, gy)) continue;
            counted++;
            int base = i * h * w;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    float v = gy[r] * gx[c];
                    q[base + r * w + c] = v;
                    if (v > 0) entropy -= v * Math.log(v);
                }
            }
        }
        NDManager m = prob.getManager();
        if (counted == 0) return NativeConstants.scalar(m, 0f, prob.getDataType());
        NDArray target = NativeConstants.of(m, q, s);
        // KL(q || p) = sum q log q - sum q log p; the first sum is a constant, added so the value reads as a divergence.
        NDArray crossEntropy = target.mul(prob.add(NativeConstants.scalar(m, EPS, prob.getDataType())).log()).sum().neg();
        float scale = weight / counted;
        return crossEntropy.sub(NativeConstants.scalar(m, (float) entropy, prob.getDataType()))
                .mul(NativeConstants.scalar(m, scale, prob.getDataType()));
    }

    /**
     * Fills the separable, normalised Gaussian of a point at input pixel (tx, ty) over the map's cell centres.
     * False when less than half of its mass falls on the map.
     */
    boolean gaussian(float tx, float ty, Head.Heatmaps head, float[] gx, float[] gy) {
        float cellX = (float) head.inputWidth() / head.width(), cellY = (float) head.inputHeight() / head.height();
        double sx = 0, sy = 0;
        for (int c = 0; c < gx.length; c++) {
            double d = (head.gridX(c) - tx) / (sigma * cellX);
            gx[c] = (float) Math.exp(-0.5 * d * d);
            sx += gx[c];
        }
        for (int r = 0; r < gy.length; r++) {
            double d = (head.gridY(r) - ty) / (sigma * cellY);
            gy[r] = (float) Math.exp(-0.5 * d * d);
            sy += gy[r];
        }
        // An untruncated Gaussian sums to sigma * sqrt(2 pi) over unit cells.
        double full = sigma * Math.sqrt(2 * Math.PI);
        if (!(sx * sy >= 0.5 * full * full)) return false;
        for (int c = 0; c < gx.length; c++) gx[c] /= (float) sx;
        for (int r = 0; r < gy.length; r++) gy[r] /= (float) sy;
        return true;
    }
}
