package dev.facemark.tracker.render;

/**
 * The heatmap overlay's colour map: "hot" (black -> red -> yellow -> white), monotonic in
 * brightness so a map's peak is its brightest spot (a rainbow map would hide the maximum in dark
 * red). Values are each map's share of its own peak; below {@link #FLOOR} they are not drawn
 * (softmax maps have long, speckled tails that would otherwise tint the whole crop up to a hard
 * edge), above it alpha = opacity * sqrt(ramp) so the shoulders of weak maps stay visible.
 */
final class HeatColours {
    /** Share of a map's peak below which nothing is drawn. */
    static final float FLOOR = 0.1f;
    /** Alpha below which a texel counts as invisible (for culling). */
    static final float MIN_ALPHA = 2f / 255f;

    private HeatColours() {}

    /** The overlay's visible strength in [0, 1] for a value: 0 at or below the floor, 1 at the peak. */
    static float ramp(float value) {
        float v = (value - FLOOR) / (1f - FLOOR);
        return v <= 0 ? 0 : Math.min(v, 1f);
    }

    /** Smallest value whose alpha reaches {@link #MIN_ALPHA} at this opacity. */
    static float visibleFrom(float opacity) {
        float a = MIN_ALPHA / Math.max(opacity, 1e-3f);
        return FLOOR + (1f - FLOOR) * a * a;
    }

    /**
     * Premultiplied RGBA8 for a value in [0, 1], packed as the bytes R, G, B, A in memory order
     * (a little-endian int, for {@code ByteBuffer.putInt} on a native-order buffer).
     */
    static int premultipliedRgba(float value, float opacity) {
        float v = ramp(value);
        float a = Math.min(1f, Math.max(0f, opacity)) * (float) Math.sqrt(v);
        int r = unit(clamp01(3 * v) * a), g = unit(clamp01(3 * v - 1) * a), b = unit(clamp01(3 * v - 2) * a);
        return r | g << 8 | b << 16 | unit(a) << 24;
    }

    private static float clamp01(float x) { return x <= 0 ? 0 : Math.min(x, 1f); }

    private static int unit(float x) {
        return x <= 0 ? 0 : x >= 1 ? 255 : (int) (x * 255 + 0.5f);
    }
}
