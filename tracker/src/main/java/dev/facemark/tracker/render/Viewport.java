package dev.facemark.tracker.render;

/**
 * Where a video of {@code sourceW x sourceH} lands in a target of {@code targetW x targetH} pixels:
 * the largest rectangle with the video's aspect, centred (letterbox / pillarbox bars elsewhere).
 * Target coordinates are y-down with pixel k spanning [k, k+1).
 */
public record Viewport(int targetW, int targetH, int sourceW, int sourceH, int x, int y, int w, int h) {

    public static Viewport fit(int sourceW, int sourceH, int targetW, int targetH) {
        if (sourceW <= 0 || sourceH <= 0 || targetW <= 0 || targetH <= 0) {
            throw new IllegalArgumentException("sizes must be positive: source " + sourceW + "x" + sourceH
                    + ", target " + targetW + "x" + targetH);
        }
        double s = Math.min(targetW / (double) sourceW, targetH / (double) sourceH);
        int w = Math.min(targetW, (int) Math.round(sourceW * s));
        int h = Math.min(targetH, (int) Math.round(sourceH * s));
        return new Viewport(targetW, targetH, sourceW, sourceH, (targetW - w) / 2, (targetH - h) / 2, w, h);
    }

    public float scaleX() { return w / (float) sourceW; }
    public float scaleY() { return h / (float) sourceH; }

    /** Target x (continuous, pixel edges at integers) of source x in the pixel-centre convention. */
    public float toTargetX(float sx) { return x + (sx + 0.5f) * scaleX(); }
    public float toTargetY(float sy) { return y + (sy + 0.5f) * scaleY(); }

    /** Source pixel-centre x of a target position (inverse of {@link #toTargetX}). */
    public float toSourceX(float tx) { return (tx - x) / scaleX() - 0.5f; }
    public float toSourceY(float ty) { return (ty - y) / scaleY() - 0.5f; }
}
