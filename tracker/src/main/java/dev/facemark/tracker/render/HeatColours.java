package dev.facemark.tracker.render;

/**
 * The heatmap overlay's colour map: "hot" (black -> red -> yellow -> white), monotonic in
 * brightness so a map's peak is its brightest spot (a rainbow map would hide the maximum in dark
 * red). Values are each map's share of its own peak. Alpha = opacity * sqrt(value), so the
 * shoulders of weak maps stay visible, faded smoothly to 0 below {@link #FADE}: softmax maps have
 * long, speckled tails that would otherwise tint the whole crop up to a hard edge.
 */
final class HeatColours {
    /** Share of a map's peak below which the overlay fades out (smoothstep from 0 to this). */
    static final float FADE = 0.1f;
    /** Alpha below which a texel counts as invisible (for culling). */
    static final float MIN_ALPHA = 2f / 255f;

    private HeatColours() {}

    /** Alpha for a value in [0, 1] at full opacity. */
    static float alpha(float value) {
        float v = value <= 0 ? 0 : Math.min(value, 1f);
        float t = Math.min(v / FADE, 1f);
        return (float) Math.sqrt(v) * t * t * (3 - 2 * t);
    }

    /** Smallest value whose alpha reaches {@link #MIN_ALPHA} at this opacity (alpha grows with the value). */
    static float visibleFrom(float opacity) {
        float target = MIN_ALPHA / Math.max(opacity, 1e-3f);
        if (target >= 1f) return 1f;
        float lo = 0f, hi = 1f;
        for (int i = 0; i < 30; i++) {
            float mid = 0.5f * (lo + hi);
            if (alpha(mid) >= target) hi = mid; else lo = mid;
        }
        return lo;
    }

    /**
     * Premultiplied RGBA8 for a value in [0, 1], packed as the bytes R, G, B, A in memory order
     * (a little-endian int, for {@code ByteBuffer.putInt} on a native-order buffer).
     */
    static int premultipliedRgba(float value, float opacity) {
        float v = value <= 0 ? 0 : Math.min(value, 1f);
        float a = Math.min(1f, Math.max(0f, opacity)) * alpha(v);
        int r = unit(clamp01(3 * v) * a), g = unit(clamp01(3 * v - 1) * a), b = unit(clamp01(3 * v - 2) * a);
        return r | g << 8 | b << 16 | unit(a) << 24;
    }

    private static float clamp01(float x) { return x <= 0 ? 0 : Math.min(x, 1f); }

    private static int unit(float x) {
        return x <= 0 ? 0 : x >= 1 ? 255 : (int) (x * 255 + 0.5f);
    }
}
