package dev.facemark.core.metrics;

/** Point-to-point errors between predicted and ground-truth interleaved landmarks. */
public final class LandmarkErrors {
    private LandmarkErrors() {}

    /** Euclidean error of each point in pixels. */
    public static double[] pointErrors(float[] pred, float[] gt) {
        if (pred.length != gt.length || gt.length % 2 != 0) {
            throw new IllegalArgumentException("prediction has " + pred.length + " values, ground truth " + gt.length);
        }
        double[] e = new double[gt.length / 2];
        for (int i = 0; i < e.length; i++) e[i] = Math.hypot(pred[2 * i] - gt[2 * i], pred[2 * i + 1] - gt[2 * i + 1]);
        return e;
    }

    /** Mean point error divided by {@code normaliser}: the face's NME (a fraction, not percent). */
    public static double nme(float[] pred, float[] gt, double normaliser) {
        if (!(normaliser > 0)) throw new IllegalArgumentException("normalising distance must be > 0, got " + normaliser);
        double s = 0;
        for (double v : pointErrors(pred, gt)) s += v;
        return s / (gt.length / 2) / normaliser;
    }
}
