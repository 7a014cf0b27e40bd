package dev.facemark.core.metrics;

import dev.facemark.core.points.PointScheme;

/** The face size an NME divides by, measured on the ground truth. */
public enum Normalizer {
    /** Distance between the outer eye corners (iBUG 36 and 45): the 300-W standard. */
    INTER_OCULAR,
    /** Distance between the pupils, each the mean of its eye contour (iBUG 36-41, 42-47). */
    INTER_PUPIL;

    /** The normalising distance for interleaved ground-truth points. */
    public double distance(PointScheme scheme, float[] gt) {
        return switch (this) {
            case INTER_OCULAR -> {
                int[] c = scheme.outerEyeCorners();
                if (c == null) throw new UnsupportedOperationException("scheme " + scheme.name() + " has no outer eye corners");
                yield Math.hypot(gt[2 * c[0]] - gt[2 * c[1]], gt[2 * c[0] + 1] - gt[2 * c[1] + 1]);
            }
            case INTER_PUPIL -> {
                int[][] p = scheme.pupilContours();
                if (p == null) throw new UnsupportedOperationException("scheme " + scheme.name() + " has no eye contours");
                double[] a = mean(gt, p[0]), b = mean(gt, p[1]);
                yield Math.hypot(a[0] - b[0], a[1] - b[1]);
            }
        };
    }

    private static double[] mean(float[] xy, int[] idx) {
        double x = 0, y = 0;
        for (int i : idx) { x += xy[2 * i]; y += xy[2 * i + 1]; }
        return new double[] {x / idx.length, y / idx.length};
    }
}
