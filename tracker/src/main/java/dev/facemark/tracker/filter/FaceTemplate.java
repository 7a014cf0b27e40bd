package dev.facemark.tracker.filter;

import dev.facemark.core.points.Ibug68;

/**
 * A canonical frontal 68-point face and a fixed triangulation of it plus ten forehead points, so
 * face meshes keep one topology from frame to frame (a per-frame Delaunay would flip triangles).
 *
 * <p>Provenance: {@link #MEAN_68} is the per-point median of the 2012 300-W training faces
 * (afw, helen/trainset, lfpw/trainset; no test split), each aligned so the outer eye corners 36
 * and 45 sit at (-0.5, 0) and (0.5, 0), then made left/right symmetric with the iBUG mirror
 * table. {@link #TRIANGLES} is the Delaunay triangulation (scipy) of those points plus
 * {@link #withForehead}'s ten points, computed once offline.
 */
public final class FaceTemplate {
    private FaceTemplate() {}

    /** Points of the template and of {@link #withForehead}: 68 landmarks then 10 forehead points. */
    public static final int POINTS_WITH_FOREHEAD = 78;

    /** Canonical face, interleaved x, y; units of outer-eye-corner distance, origin between the outer corners, y down. */
    public static final float[] MEAN_68 = {
            -0.7973f, 0.0272f, -0.7824f, 0.2370f, -0.7565f, 0.4458f, -0.7217f, 0.6534f,
            -0.6521f, 0.8512f, -0.5328f, 1.0262f, -0.3745f, 1.1735f, -0.2003f, 1.2902f,
            0.0000f, 1.3248f, 0.2003f, 1.2902f, 0.3745f, 1.1735f, 0.5328f, 1.0262f,
            0.6521f, 0.8512f, 0.7217f, 0.6534f, 0.7565f, 0.4458f, 0.7824f, 0.2370f,
            0.7973f, 0.0272f, -0.6637f, -0.1524f, -0.5632f, -0.2391f, -0.4239f, -0.2676f,
            -0.2788f, -0.2478f, -0.1386f, -0.1933f, 0.1386f, -0.1933f, 0.2788f, -0.2478f,
            0.4239f, -0.2676f, 0.5632f, -0.2391f, 0.6637f, -0.1524f, 0.0000f, -0.0216f,
            0.0000f, 0.1238f, 0.0000f, 0.2679f, 0.0000f, 0.4130f, -0.1621f, 0.5018f,
            -0.0835f, 0.5321f, 0.0000f, 0.5590f, 0.0835f, 0.5321f, 0.1621f, 0.5018f,
            -0.5000f, 0.0000f, -0.4129f, -0.0536f, -0.3064f, -0.0515f, -0.2161f, 0.0179f,
            -0.3144f, 0.0390f, -0.4194f, 0.0385f, 0.2161f, 0.0179f, 0.3064f, -0.0515f,
            0.4129f, -0.0536f, 0.5000f, 0.0000f, 0.4194f, 0.0385f, 0.3144f, 0.0390f,
            -0.3159f, 0.7634f, -0.2006f, 0.7140f, -0.0843f, 0.6898f, 0.0000f, 0.7105f,
            0.0843f, 0.6898f, 0.2006f, 0.7140f, 0.3159f, 0.7634f, 0.2060f, 0.8781f,
            0.0913f, 0.9262f, 0.0000f, 0.9358f, -0.0913f, 0.9262f, -0.2060f, 0.8781f,
            -0.2675f, 0.7708f, -0.0853f, 0.7613f, 0.0000f, 0.7692f, 0.0853f, 0.7613f,
            0.2675f, 0.7708f, 0.0869f, 0.8208f, 0.0000f, 0.8316f, -0.0869f, 0.8208f
    };

    /** Triangles over the 78 points of {@link #withForehead}, three indices each. */
    public static final int[] TRIANGLES = {
            1, 41, 2, 3, 48, 4, 5, 48, 59, 6, 5, 59, 7, 58, 8,
            11, 54, 12, 11, 55, 54, 13, 54, 14, 15, 45, 16, 17, 18, 36,
            17, 36, 0, 17, 68, 18, 18, 37, 36, 19, 37, 18, 19, 68, 69,
            20, 19, 70, 20, 21, 38, 20, 70, 71, 21, 20, 72, 21, 27, 39,
            21, 72, 73, 21, 73, 22, 23, 43, 22, 23, 73, 74, 23, 74, 75,
            24, 23, 75, 24, 44, 23, 25, 24, 77, 26, 25, 77, 26, 45, 25,
            26, 77, 16, 27, 21, 22, 27, 28, 39, 27, 42, 28, 28, 29, 39,
            29, 35, 30, 29, 40, 39, 29, 42, 47, 31, 29, 30, 31, 48, 2,
            31, 49, 48, 32, 31, 30, 33, 32, 30, 33, 50, 32, 33, 52, 51,
            34, 33, 30, 34, 52, 33, 35, 29, 47, 35, 34, 30, 35, 46, 14,
            36, 1, 0, 37, 19, 20, 37, 20, 38, 37, 40, 41, 37, 41, 36,
            38, 21, 39, 40, 29, 31, 40, 31, 41, 40, 37, 38, 40, 38, 39,
            41, 1, 36, 41, 31, 2, 42, 27, 22, 42, 29, 28, 42, 43, 47,
            43, 42, 22, 43, 44, 47, 44, 24, 25, 44, 43, 23, 44, 46, 47,
            45, 26, 16, 45, 44, 25, 46, 15, 14, 46, 35, 47, 46, 44, 45,
            46, 45, 15, 48, 3, 2, 48, 5, 4, 48, 60, 59, 49, 60, 48,
            49, 61, 67, 49, 67, 59, 50, 31, 32, 50, 33, 51, 50, 49, 31,
            52, 34, 35, 52, 63, 51, 53, 35, 54, 53, 52, 35, 53, 54, 64,
            54, 13, 12, 54, 35, 14, 54, 55, 64, 55, 11, 10, 55, 53, 64,
            55, 56, 65, 55, 65, 53, 56, 9, 8, 56, 10, 9, 56, 55, 10,
            56, 66, 65, 57, 56, 8, 58, 6, 59, 58, 7, 6, 58, 57, 8,
            58, 66, 57, 60, 49, 59, 61, 49, 50, 61, 50, 51, 61, 62, 67,
            62, 61, 51, 62, 63, 65, 62, 66, 67, 63, 52, 53, 63, 62, 51,
            65, 63, 53, 66, 56, 57, 66, 58, 67, 66, 62, 65, 67, 58, 59,
            68, 17, 0, 68, 19, 18, 70, 19, 69, 72, 20, 71, 73, 23, 22,
            73, 72, 74, 74, 72, 71, 76, 24, 75, 77, 24, 76
    };

    /**
     * The 68 landmarks followed by 10 forehead points extrapolated above the brows (17..26) along
     * the chin-to-nose-bridge direction, highest over the brow middle.
     */
    /** The brow points from the image's left to its right (right brow, then left brow): the forehead row sits above them. */
    private static final int[] BROWS = java.util.stream.IntStream.concat(java.util.Arrays.stream(Ibug68.group("right_brow")),
            java.util.Arrays.stream(Ibug68.group("left_brow"))).toArray();

    public static float[] withForehead(float[] lm) {
        if (lm.length != 136) throw new IllegalArgumentException("need 68 interleaved points, got " + lm.length / 2);
        float[] out = java.util.Arrays.copyOf(lm, POINTS_WITH_FOREHEAD * 2);
        float ux = Ibug68.x(lm, Ibug68.NOSE_BRIDGE_TOP) - Ibug68.x(lm, Ibug68.CHIN), uy = Ibug68.y(lm, Ibug68.NOSE_BRIDGE_TOP) - Ibug68.y(lm, Ibug68.CHIN);
        float h = (float) Math.hypot(ux, uy);
        if (h < 1e-6f) h = 1e-6f;
        ux /= h;
        uy /= h;
        int[] brows = BROWS;
        for (int k = 0; k < brows.length; k++) {
            int i = brows[k];
            double t = k / (double) (brows.length - 1);
            float lift = h * (float) (0.18 + 0.22 * Math.sin(Math.PI * t));
            out[2 * (68 + k)] = lm[2 * i] + ux * lift;
            out[2 * (68 + k) + 1] = lm[2 * i + 1] + uy * lift;
        }
        return out;
    }
}
