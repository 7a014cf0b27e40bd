package dev.facemark.tracker.render;

/**
 * The heatmap overlay's colour map: "hot" (black -> red -> yellow -> white), monotonic in
 * brightness so a map's peak is its brightest spot (a rainbow map would hide the maximum in dark
 * red), with alpha = opacity * sqrt(value) so cold areas leave the video visible.
 */
final class HeatColours {
    private HeatColours() {}

    /**
     * Premultiplied RGBA8 for a value in [0, 1], packed as the bytes R, G, B, A in memory order
     * (a little-endian int, for {@code ByteBuffer.putInt} on a native-order buffer).
     */
    static int premultipliedRgba(float value, float opacity) {
        float v = value <= 0 ? 0 : Math.min(value, 1f);
        float a = Math.min(1f, Math.max(0f, opacity)) * (float) Math.sqrt(v);
        int r = unit(clamp01(3 * v) * a), g = unit(clamp01(3 * v - 1) * a), b = unit(clamp01(3 * v - 2) * a);
        return r | g << 8 | b << 16 | unit(a) << 24;
    }

    private static float clamp01(float x) { return x <= 0 ? 0 : Math.min(x, 1f); }

    private static int unit(float x) {
        return x <= 0 ? 0 : x >= 1 ? 255 : (int) (x * 255 + 0.5f);
    }
}
