package dev.facemark.tracker.smooth;

import dev.facemark.core.points.PointGroup;
import dev.facemark.core.points.PointScheme;
import dev.facemark.tracker.filter.Similarity;

import java.util.List;

/**
 * {@link SmoothingParams.Aligned}: raw points = similarity(shape). The similarity (a, b, tx, ty) is
 * fitted by least squares from the track's first shape (centred) to the raw points, so (tx, ty) is
 * the points' centroid and (a, b) = scale * (cos, sin) of the rotation; the shape is the raw points
 * mapped back through it. Both are smoothed by One Euro style filters (cutoff = min + beta *
 * max(0, speed - dead zone), speed from a low-passed derivative) and put together again:
 * <ul>
 *   <li>transform: one cutoff for its four numbers; speed = (|d centroid| + template radius *
 *       |d (a, b)|) / face size, in face sizes per second: about the speed of the face's points
 *       under the rigid part of the motion, estimated from all points at once;</li>
 *   <li>shape: one cutoff per point group of the scheme (iBUG 68: jaw, brows, nose bridge and base,
 *       eyes, lips), speed = RMS over the group of each point's low-passed deformation speed, in
 *       face sizes per second. Schemes with other point counts are one group.</li>
 * </ul>
 * With fewer than three points there is no shape to speak of: rotation and scale are not fitted.
 */
final class AlignedPoints implements LandmarkSmoother.PointFilter {
    private final SmoothingParams.Aligned p;
    private final int n;
    private final int[] all;
    private final int[][] groups;
    private final boolean rigidOnly;
    private final float[] template;
    private final double[] shape, shapeD; // filtered shape and its filtered deformation speed (template units per second)
    private double radius; // RMS distance of the template's points from their centroid, in template units
    private double templateScale; // face size (pixels) when the template was taken
    // filtered transform and its filtered derivative
    private double a, b, tx, ty, da, db, dtx, dty;

    AlignedPoints(int points, SmoothingParams.Aligned p) {
        this.p = p;
        this.n = points;
        this.all = new int[points];
        for (int i = 0; i < points; i++) all[i] = i;
        this.rigidOnly = points < 3;
        this.groups = groupsFor(points);
        this.template = new float[2 * points];
        this.shape = new double[2 * points];
        this.shapeD = new double[2 * points];
    }

    /** The point groups of the scheme with this many points (iBUG 68, IMM 58); else one group of all. */
    static int[][] groupsFor(int points) {
        for (PointScheme s : List.of(PointScheme.IBUG_68, PointScheme.IMM_58)) {
            if (s.count() != points) continue;
            List<PointGroup> g = s.groups();
            int[][] out = new int[g.size()][];
            for (int i = 0; i < out.length; i++) out[i] = g.get(i).indices().clone();
            return out;
        }
        int[] every = new int[points];
        for (int i = 0; i < points; i++) every[i] = i;
        return new int[][] {every};
    }

    @Override public void start(float[] raw, double scale) {
        double cx = 0, cy = 0;
        for (int i = 0; i < n; i++) { cx += raw[2 * i]; cy += raw[2 * i + 1]; }
        cx /= n; cy /= n;
        double r2 = 0;
        for (int i = 0; i < n; i++) {
            template[2 * i] = (float) (raw[2 * i] - cx);
            template[2 * i + 1] = (float) (raw[2 * i + 1] - cy);
            r2 += template[2 * i] * template[2 * i] + template[2 * i + 1] * template[2 * i + 1];
            shape[2 * i] = template[2 * i];
            shape[2 * i + 1] = template[2 * i + 1];
        }
        radius = Math.sqrt(r2 / n);
        templateScale = scale;
        boolean degenerate = rigidOnly || radius < 1e-6;
        a = 1; b = 0; tx = cx; ty = cy;
        da = db = dtx = dty = 0;
        java.util.Arrays.fill(shapeD, 0);
        if (degenerate) radius = 0;
    }

    @Override public void step(float[] raw, float[] out, double dt, double scale) {
        // 1. This frame's transform and shape.
        double ra = 1, rb = 0, rtx, rty;
        if (radius > 0) {
            Similarity s = Similarity.fit(template, raw, all);
            ra = s.a(); rb = s.b(); rtx = s.tx(); rty = s.ty();
        } else {
            double cx = 0, cy = 0;
            for (int i = 0; i < n; i++) { cx += raw[2 * i]; cy += raw[2 * i + 1]; }
            rtx = cx / n; rty = cy / n;
        }
        double det = ra * ra + rb * rb;
        if (!(det > 1e-12)) { ra = a; rb = b; det = a * a + b * b; } // collapsed points: keep the last rotation and scale

        // 2. The transform: one adaptive cutoff from the face's rigid speed.
        double alphaD = OneEuroFilter.alpha(p.rigidDCutoff(), dt);
        dtx += alphaD * ((rtx - tx) / dt - dtx);
        dty += alphaD * ((rty - ty) / dt - dty);
        da += alphaD * ((ra - a) / dt - da);
        db += alphaD * ((rb - b) / dt - db);
        // RMS speed of the template's points under the transform's change (|d(a,b)| * |q|), in face sizes per second
        double rigidSpeed = (Math.hypot(dtx, dty) + radius * Math.hypot(da, db)) / scale;
        double alpha = OneEuroFilter.alpha(p.rigidMinCutoff() + p.rigidBeta() * Math.max(0, rigidSpeed - p.rigidDeadZone()), dt);
        tx += alpha * (rtx - tx);
        ty += alpha * (rty - ty);
        a += alpha * (ra - a);
        b += alpha * (rb - b);

        // 3. The shape, in template units: raw mapped back through this frame's raw transform.
        double ia = ra / det, ib = rb / det;
        double alphaS = OneEuroFilter.alpha(p.shapeDCutoff(), dt);
        double unit = templateScale; // template units per face size
        for (int[] g : groups) {
            double sum = 0;
            for (int i : g) {
                double px = raw[2 * i] - rtx, py = raw[2 * i + 1] - rty;
                double sx = ia * px + ib * py, sy = -ib * px + ia * py;
                int x = 2 * i, y = x + 1;
                shapeD[x] += alphaS * ((sx - shape[x]) / dt - shapeD[x]);
                shapeD[y] += alphaS * ((sy - shape[y]) / dt - shapeD[y]);
                sum += shapeD[x] * shapeD[x] + shapeD[y] * shapeD[y];
                out[x] = (float) sx; // the raw shape, kept until the group's alpha is known
                out[y] = (float) sy;
            }
            double speed = Math.sqrt(sum / g.length) / unit;
            double alphaG = OneEuroFilter.alpha(p.shapeMinCutoff() + p.shapeBeta() * Math.max(0, speed - p.shapeDeadZone()), dt);
            for (int i : g) {
                int x = 2 * i, y = x + 1;
                shape[x] += alphaG * (out[x] - shape[x]);
                shape[y] += alphaG * (out[y] - shape[y]);
            }
        }

        // 4. Put together: out = similarity(shape).
        for (int i = 0; i < n; i++) {
            double sx = shape[2 * i], sy = shape[2 * i + 1];
            out[2 * i] = (float) (a * sx - b * sy + tx);
            out[2 * i + 1] = (float) (b * sx + a * sy + ty);
        }
    }
}
