package dev.facemark.tracker.render;

import dev.facemark.tracker.face.HeadPose;

/**
 * Projects the head's 3D axes into the image with the pinhole camera the pose was solved with:
 * endpoint = R * (L * e_k) + t, pixel = f * (X / Z, Y / Z) + principal point.
 */
public final class PoseAxes {
    private PoseAxes() {}

    /** {ox, oy, xx, xy, yx, yy, zx, zy}: the head origin and the X, Y, Z axis tips in source pixels, or null if behind the camera. */
    public static float[] project(HeadPose pose, double lengthMm) {
        double[] r = pose.rotation(), t = pose.translation();
        if (r == null || r.length != 9 || t == null || t.length != 3) return null;
        float[] out = new float[8];
        if (!projectInto(pose, t[0], t[1], t[2], out, 0)) return null;
        for (int k = 0; k < 3; k++) {
            double x = r[k] * lengthMm + t[0], y = r[3 + k] * lengthMm + t[1], z = r[6 + k] * lengthMm + t[2];
            if (!projectInto(pose, x, y, z, out, 2 + 2 * k)) return null;
        }
        return out;
    }

    /**
     * As {@link #project} but moved so the origin sits at {@code (ax, ay)} (e.g. the nose tip): the
     * axis directions and lengths are those projected at the head origin.
     */
    public static float[] projectAt(HeadPose pose, double lengthMm, float ax, float ay) {
        float[] p = project(pose, lengthMm);
        if (p == null) return null;
        float dx = ax - p[0], dy = ay - p[1];
        for (int i = 0; i < 8; i += 2) { p[i] += dx; p[i + 1] += dy; }
        return p;
    }

    private static boolean projectInto(HeadPose pose, double x, double y, double z, float[] out, int at) {
        if (z <= 1e-6) return false;
        out[at] = (float) (pose.focalLength() * x / z + pose.principalX());
        out[at + 1] = (float) (pose.focalLength() * y / z + pose.principalY());
        return true;
    }
}
