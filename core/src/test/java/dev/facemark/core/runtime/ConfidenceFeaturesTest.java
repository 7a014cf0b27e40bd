package dev.facemark.core.runtime;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confidence features of hand-made faces: known score statistics, and shape terms of known similarity copies. */
class ConfidenceFeaturesTest {
    static final int P = 68, WIDTH = 128;

    /** The 68-point mean shape of the fixtures, placed as a face sits in a crop: centre (0.5, 0.55), in input-width units. */
    static float[] meanShape() {
        float[] u = FixtureModels.meanShapeUnit(), m = new float[2 * P];
        double cx = 0, cy = 0;
        for (int i = 0; i < P; i++) { cx += u[2 * i] / P; cy += u[2 * i + 1] / P; }
        for (int i = 0; i < P; i++) {
            m[2 * i] = (float) (0.5 + 0.6 * (u[2 * i] - cx));
            m[2 * i + 1] = (float) (0.55 + 0.6 * (u[2 * i + 1] - cy));
        }
        return m;
    }

    /** The mean shape turned by {@code angle}, scaled by {@code scale} about its centroid, shifted, in input pixels. */
    static float[] similar(float[] m, double scale, double angle, double dx, double dy) {
        double cx = 0, cy = 0;
        for (int i = 0; i < P; i++) { cx += m[2 * i] / P; cy += m[2 * i + 1] / P; }
        double c = Math.cos(angle), s = Math.sin(angle);
        float[] out = new float[2 * P];
        for (int i = 0; i < P; i++) {
            double x = m[2 * i] - cx, y = m[2 * i + 1] - cy;
            out[2 * i] = (float) (WIDTH * (cx + dx + scale * (c * x - s * y)));
            out[2 * i + 1] = (float) (WIDTH * (cy + dy + scale * (s * x + c * y)));
        }
        return out;
    }

    static double radius(float[] m) {
        double cx = 0, cy = 0, r = 0;
        for (int i = 0; i < P; i++) { cx += m[2 * i] / P; cy += m[2 * i + 1] / P; }
        for (int i = 0; i < P; i++) r += (m[2 * i] - cx) * (m[2 * i] - cx) + (m[2 * i + 1] - cy) * (m[2 * i + 1] - cy);
        return Math.sqrt(r / P);
    }

    static double[] features(float[] scores, float[] points, float[] m) {
        double[] f = new double[ConfidenceFeatures.COUNT];
        ConfidenceFeatures.compute(scores, points, P, WIDTH, m, new float[P], f);
        return f;
    }

    @Test
    void scoreStatisticsOfKnownScores() {
        float[] scores = new float[P];
        for (int i = 0; i < P; i++) scores[i] = 0.01f * (P - i); // 0.68 .. 0.01, shuffled order does not matter
        float[] m = meanShape();
        double[] f = features(scores, similar(m, 1, 0, 0, 0), m);
        assertEquals(Math.log(0.07), f[0], 1e-5, "lower decile: the 7th smallest of 68 (index 6)");
        assertEquals(Math.log(0.35), f[1], 1e-5, "median: index 34 of the sorted scores");
        assertEquals(Math.log(0.345), f[2], 1e-5, "mean of 0.01 .. 0.68");
        double mean = 0, sq = 0;
        for (float s : scores) { mean += Math.log(s) / P; }
        for (float s : scores) sq += (Math.log(s) - mean) * (Math.log(s) - mean) / P;
        assertEquals(Math.sqrt(sq), f[3], 1e-4, "spread of the log scores");

        java.util.Arrays.fill(scores, 0.2f);
        f = features(scores, similar(m, 1, 0, 0, 0), m);
        assertEquals(0, f[3], 1e-6, "equal scores do not spread");
        assertEquals(f[0], f[2], 1e-6);
    }

    @Test
    void aSimilarCopyOfTheMeanShapeHasNoResidualAndItsOffsetAndScale() {
        float[] m = meanShape(), scores = new float[P];
        java.util.Arrays.fill(scores, 0.1f);
        double r = radius(m);
        double[] f = features(scores, similar(m, 2, 0.4, 0.03, -0.04), m);
        assertEquals(Math.log(1e-3), f[4], 0.05, "turned, scaled and shifted: still the mean shape (residual at its floor)");
        assertEquals(0.05 / r, f[5], 1e-4, "centroid 0.05 input widths off, in mean-shape radii");
        assertEquals(Math.log(2), f[6], 1e-4, "twice the size");
        f = features(scores, similar(m, 0.5, 0, 0, 0), m);
        assertEquals(Math.log(2), f[6], 1e-4, "half the size reads as far off as twice");
        assertEquals(0, f[5], 1e-4);
    }

    @Test
    void aDistortedOrRandomConstellationHasALargeResidual() {
        float[] m = meanShape(), scores = new float[P];
        java.util.Arrays.fill(scores, 0.1f);
        double r = radius(m);
        // One point moved by 0.1 input widths: residual about 0.1 * sqrt(67/68) / sqrt(68) / r (after the best fit).
        float[] one = similar(m, 1, 0, 0, 0);
        one[2 * 30] += 0.1f * WIDTH;
        double moved = Math.exp(features(scores, one, m)[4]);
        assertEquals(0.1 / Math.sqrt(P) / r, moved, 0.15 * 0.1 / Math.sqrt(P) / r, "one moved point");

        Random rnd = new Random(3);
        float[] noise = new float[2 * P];
        for (int i = 0; i < 2 * P; i++) noise[i] = (float) (WIDTH * (0.3 + 0.4 * rnd.nextDouble()));
        double[] f = features(scores, noise, m);
        assertTrue(f[4] > Math.log(0.5), "a random scatter is no face: residual " + Math.exp(f[4]));
        float[] spot = new float[2 * P];
        java.util.Arrays.fill(spot, 64f);
        f = features(scores, spot, m);
        assertEquals(0, f[4], 1e-9, "all points on one spot: residual = the whole shape (ratio 1)");
        assertEquals(Math.log(1e3), f[6], 1e-9, "and the scale at its floor");
    }

    @Test
    void aNaNScoreOrPointGivesNaNFeatures() {
        float[] m = meanShape(), scores = new float[P], pts = similar(m, 1, 0, 0, 0);
        java.util.Arrays.fill(scores, 0.1f);
        scores[5] = Float.NaN;
        for (double v : features(scores, pts, m)) assertTrue(Double.isNaN(v));
        scores[5] = 0.1f;
        pts[7] = Float.NaN;
        for (double v : features(scores, pts, m)) assertTrue(Double.isNaN(v));
    }
}
