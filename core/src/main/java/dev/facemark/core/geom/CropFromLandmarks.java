package dev.facemark.core.geom;


/**
 * The reference box for the next frame's crop, from this frame's landmarks, as MediaPipe does:
 * the tight box of the points, optionally measured along the eye line so that a rolled head gets
 * a rotated crop that looks upright to the model.
 *
 * <p>With de-rotation the box's size is the tight box of the points rotated by -roll about their
 * centroid, and its centre is mapped back to the source; the box policy then shifts the crop along
 * the face's own down axis.
 */
public final class CropFromLandmarks {
    private CropFromLandmarks() {}

    /** Roll of the eye line in radians (positive = clockwise on screen), from two outer eye corners. */
    public static float roll(float[] xy, int leftCorner, int rightCorner) {
        float dx = xy[2 * rightCorner] - xy[2 * leftCorner], dy = xy[2 * rightCorner + 1] - xy[2 * leftCorner + 1];
        return (float) Math.atan2(dy, dx);
    }

    /** Tight box of the points seen in a frame rotated by {@code angle}, expressed as a source box. */
    public static FaceBox box(float[] xy, float angle) {
        if (angle == 0f) return FaceBox.ofPoints(xy);
        double mx = 0, my = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) { mx += xy[2 * i]; my += xy[2 * i + 1]; }
        mx /= n; my /= n;
        double c = Math.cos(angle), s = Math.sin(angle);
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - mx, dy = xy[2 * i + 1] - my;
            double u = c * dx + s * dy, v = -s * dx + c * dy;   // R(-angle) * d
            minU = Math.min(minU, u); maxU = Math.max(maxU, u);
            minV = Math.min(minV, v); maxV = Math.max(maxV, v);
        }
        double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
        double cx = mx + c * cu - s * cv, cy = my + s * cu + c * cv; // R(angle) * centre
        return FaceBox.ofCentre((float) cx, (float) cy, (float) (maxU - minU), (float) (maxV - minV));
    }
}
