package dev.facemark.tracker.filter;

/**
 * A 2D similarity (rotation, uniform scale, translation): x' = a x - b y + tx, y' = b x + a y + ty.
 * Sprites are placed with one fitted from template points to a face's landmarks, so they follow
 * the face's position, size and in-plane rotation.
 */
public record Similarity(double a, double b, double tx, double ty) {

    /**
     * Least-squares similarity mapping {@code from} points to {@code to} points, both interleaved,
     * using the listed point indices of each.
     */
    public static Similarity fit(float[] from, float[] to, int[] indices) {
        int n = indices.length;
        if (n < 2) throw new IllegalArgumentException("need at least two point pairs");
        double fx = 0, fy = 0, gx = 0, gy = 0;
        for (int i : indices) { fx += from[2 * i]; fy += from[2 * i + 1]; gx += to[2 * i]; gy += to[2 * i + 1]; }
        fx /= n; fy /= n; gx /= n; gy /= n;
        double sxx = 0, sab = 0, sba = 0;
        for (int i : indices) {
            double px = from[2 * i] - fx, py = from[2 * i + 1] - fy;
            double qx = to[2 * i] - gx, qy = to[2 * i + 1] - gy;
            sxx += px * px + py * py;
            sab += px * qx + py * qy;
            sba += px * qy - py * qx;
        }
        if (sxx < 1e-12) throw new IllegalArgumentException("template points coincide");
        double a = sab / sxx, b = sba / sxx;
        return new Similarity(a, b, gx - (a * fx - b * fy), gy - (b * fx + a * fy));
    }

    public float mapX(double x, double y) { return (float) (a * x - b * y + tx); }
    public float mapY(double x, double y) { return (float) (b * x + a * y + ty); }
    public double scale() { return Math.hypot(a, b); }
    public double angle() { return Math.atan2(b, a); }
}
