package dev.facemark.core.geom;

/**
 * An axis-aligned box in source-image pixels. (x, y) is the top-left corner in the project's
 * pixel-centre convention: 0-based, the centre of the top-left pixel is (0, 0).
 */
public record FaceBox(float x, float y, float w, float h) {

    public float cx() { return x + w / 2f; }
    public float cy() { return y + h / 2f; }
    public float area() { return Math.max(0f, w) * Math.max(0f, h); }

    public static FaceBox ofCentre(float cx, float cy, float w, float h) {
        return new FaceBox(cx - w / 2f, cy - h / 2f, w, h);
    }

    /** Tight box of interleaved points {x0, y0, x1, y1, ...}. */
    public static FaceBox ofPoints(float[] xy) {
        if (xy.length < 2 || xy.length % 2 != 0) throw new IllegalArgumentException("need interleaved x,y points");
        float minX = Float.POSITIVE_INFINITY, minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]); maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]); maxY = Math.max(maxY, xy[i + 1]);
        }
        return new FaceBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** Intersection over union, 0 when disjoint. */
    public float iou(FaceBox o) {
        float ix = Math.max(0f, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        float iy = Math.max(0f, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        float inter = ix * iy;
        float union = area() + o.area() - inter;
        return union <= 0f ? 0f : inter / union;
    }

    public FaceBox scaled(float s) { return new FaceBox(x * s, y * s, w * s, h * s); }

    public float[] toArray() { return new float[] {x, y, w, h}; }
}
