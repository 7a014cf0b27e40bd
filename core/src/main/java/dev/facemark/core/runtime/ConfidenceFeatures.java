package dev.facemark.core.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * THE features of one face that {@link FeatureConfidence} turns into a confidence: computed here for the
 * runtime ({@link Predictions#confidence}) and for the fit ({@code trainer calibrate-confidence}) alike, from
 * the face's per-point scores (heatmap peak masses, {@link HeatmapConfidence}) and its points in model-input
 * pixels. No network run, no allocation: a sort of the scores and two passes over the points.
 *
 * <ol>
 *   <li>{@code ln_low_decile}, {@code ln_median}, {@code ln_mean}: the log of the lower decile, the median and
 *       the mean of the point scores (the lower decile is the old single feature);</li>
 *   <li>{@code sd_ln}: the spread (standard deviation) of the log point scores;</li>
 *   <li>{@code ln_shape_residual}: the log of the RMS distance left between the points and the training faces'
 *       mean shape after the best similarity (shift, scale, rotation) from one onto the other, in units of the
 *       mean shape's RMS radius: a face-like constellation is small, what a model draws on a crop without a
 *       face (or half a face) is not;</li>
 *   <li>{@code centre_offset}: how far the points' centroid lies from the mean shape's, in its RMS radii;</li>
 *   <li>{@code abs_ln_scale}: {@code |ln(rms radius of the points / that of the mean shape)|}.</li>
 * </ol>
 * The last two say whether the face sits in its crop where a face cropped by the contract's box policy sits.
 * The mean shape is in input-width units ({@code x / inputWidth, y / inputWidth}) of the model's input.
 */
public final class ConfidenceFeatures {
    /** The v1 feature names, in order: {@link FeatureConfidence}'s encoding lists them and must match. */
    public static final List<String> NAMES = List.of("ln_low_decile", "ln_median", "ln_mean", "sd_ln",
            "ln_shape_residual", "centre_offset", "abs_ln_scale");
    public static final int COUNT = 7;

    private static final float MIN_SCORE = 1e-6f;
    private static final double MIN_RESIDUAL = 1e-3;

    private ConfidenceFeatures() {}

    /** THE lower decile of {@code points} scores sorted ascending (the old single feature, and feature 0 here). */
    static float lowerDecile(float[] sortedAscending, int points) {
        return sortedAscending[points / 10];
    }

    /**
     * Writes the {@link #COUNT} features of one face into {@code out}. All NaN when a score or point is NaN.
     *
     * @param scores      the face's per-point scores in [0, 1], {@code points} of them
     * @param inputPoints its points in model-input pixels, interleaved {x0, y0, ...}
     * @param inputWidth  the model's input width (points are divided by it)
     * @param meanShape   the reference shape, interleaved, in input-width units, {@code 2 * points} values
     * @param sorted      scratch of at least {@code points} values
     */
    public static void compute(float[] scores, float[] inputPoints, int points, int inputWidth, float[] meanShape,
                               float[] sorted, double[] out) {
        if (points < 2 || scores.length < points || inputPoints.length < 2 * points || meanShape.length < 2 * points) {
            throw new IllegalArgumentException("features need " + points + " scores, points and mean-shape points");
        }
        double sumLog = 0, sumLog2 = 0, sum = 0;
        for (int i = 0; i < points; i++) {
            float s = scores[i];
            if (Float.isNaN(s) || Float.isNaN(inputPoints[2 * i]) || Float.isNaN(inputPoints[2 * i + 1])) {
                Arrays.fill(out, 0, COUNT, Double.NaN);
                return;
            }
            sorted[i] = s;
            double l = Math.log(Math.max(MIN_SCORE, s));
            sumLog += l; sumLog2 += l * l; sum += s;
        }
        Arrays.sort(sorted, 0, points);
        out[0] = Math.log(Math.max(MIN_SCORE, lowerDecile(sorted, points)));
        out[1] = Math.log(Math.max(MIN_SCORE, sorted[points / 2]));
        out[2] = Math.log(Math.max(MIN_SCORE, sum / points));
        double meanLog = sumLog / points;
        out[3] = Math.sqrt(Math.max(0, sumLog2 / points - meanLog * meanLog));

        // Similarity (Procrustes) fit of the centred points x onto the centred mean shape m:
        // s R = [[a, -b], [b, a]] with a = sum(x . m) / |x|^2, b = sum(x cross m) / |x|^2.
        double inv = 1.0 / inputWidth, px = 0, py = 0, mx = 0, my = 0;
        for (int i = 0; i < points; i++) {
            px += inputPoints[2 * i]; py += inputPoints[2 * i + 1];
            mx += meanShape[2 * i]; my += meanShape[2 * i + 1];
        }
        px = px * inv / points; py = py * inv / points; mx /= points; my /= points;
        double xx = 0, mm = 0, dot = 0, cross = 0;
        for (int i = 0; i < points; i++) {
            double x = inputPoints[2 * i] * inv - px, y = inputPoints[2 * i + 1] * inv - py;
            double u = meanShape[2 * i] - mx, v = meanShape[2 * i + 1] - my;
            xx += x * x + y * y; mm += u * u + v * v;
            dot += x * u + y * v; cross += x * v - y * u;
        }
        double radius = Math.sqrt(mm / points); // the mean shape's RMS radius: the unit of the shape features
        // Least-squares residual: |m|^2 - (dot^2 + cross^2) / |x|^2 (all points on one spot: nothing explained).
        double left = xx > 0 ? mm - (dot * dot + cross * cross) / xx : mm;
        double residual = Math.sqrt(Math.max(0, left) / points) / radius;
        out[4] = Math.log(Math.max(MIN_RESIDUAL, residual));
        out[5] = Math.hypot(px - mx, py - my) / radius;
        out[6] = Math.abs(Math.log(Math.max(MIN_RESIDUAL, Math.sqrt(xx / points) / radius)));
    }
}
