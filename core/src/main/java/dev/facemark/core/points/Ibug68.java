package dev.facemark.core.points;

/**
 * Named single points of {@link PointScheme#IBUG_68} (0-based indices into its 68 points; right and
 * left are the subject's), for code that needs one landmark rather than a group: filters anchoring at
 * the nose tip, the chin-to-bridge axis, eye corners. Groups (jaw, eyes, brows, lips) are
 * {@link PointScheme#group}.
 */
public final class Ibug68 {
    private Ibug68() {}

    public static final int JAW_RIGHT_END = 0;
    public static final int CHIN = 8;
    public static final int JAW_LEFT_END = 16;
    public static final int NOSE_BRIDGE_TOP = 27;
    public static final int NOSE_TIP = 30;
    public static final int RIGHT_EYE_OUTER = 36;
    public static final int RIGHT_EYE_INNER = 39;
    public static final int LEFT_EYE_INNER = 42;
    public static final int LEFT_EYE_OUTER = 45;
    public static final int MOUTH_RIGHT = 48;
    public static final int MOUTH_LEFT = 54;

    /** Point {@code p}'s x in interleaved {x0, y0, x1, y1, ...} coordinates. */
    public static float x(float[] xy, int p) { return xy[2 * p]; }

    /** Point {@code p}'s y in interleaved coordinates. */
    public static float y(float[] xy, int p) { return xy[2 * p + 1]; }

    /** Distance between two points. */
    public static float distance(float[] xy, int a, int b) { return (float) Math.hypot(x(xy, a) - x(xy, b), y(xy, a) - y(xy, b)); }

    /** The indices of a named group of the scheme (jaw, right_eye, left_brow, ...). */
    public static int[] group(String name) {
        return PointScheme.IBUG_68.group(name).orElseThrow(() -> new IllegalArgumentException("no iBUG 68 group " + name)).indices();
    }
}
