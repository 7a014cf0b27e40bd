package dev.facemark.tracker.filter;

import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.lwjgl.stb.STBImageWrite.stbi_write_png;

/**
 * Sprites drawn in code (no binary assets to license): RGBA images plus the rectangle they cover
 * in {@link FaceTemplate} units, so a face's similarity transform places them.
 *
 * @param left   template x of the image's left edge (top/right/bottom likewise)
 */
public record SpriteArt(ByteBuffer rgba, int width, int height, float left, float top, float right, float bottom)
        implements AutoCloseable {

    /** Bridge colour of the sunglasses (RGBA), what a test looks for between the eyes. */
    public static final int SUNGLASSES_BRIDGE = 0xD4AF37FF;
    /** Lens tint (RGBA, before the highlight). */
    public static final int SUNGLASSES_LENS = 0x141C30E6;

    /**
     * Sunglasses: two tinted elliptical lenses centred on the eyes (template x = +-0.36), a black
     * rim, a gold bridge across the nose and arms running out past the outer eye corners.
     */
    public static SpriteArt sunglasses() {
        int w = 512, h = 192;
        float left = -0.72f, right = 0.72f, top = -0.27f, bottom = 0.27f;
        ByteBuffer px = MemoryUtil.memAlloc(w * h * 4);
        float unitsPerPx = (right - left) / w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float u = left + (x + 0.5f) * unitsPerPx, v = top + (y + 0.5f) * unitsPerPx;
                float[] c = {0, 0, 0, 0};
                // arms: thin bars from the outer rim to the sprite's edge
                float arm = Math.max(Math.abs(v + 0.05f) - 0.018f, 0.6f - Math.abs(u));
                over(c, 0.05f, 0.05f, 0.05f, 1f, coverage(arm, unitsPerPx));
                // bridge between the lenses
                float bridge = Math.max(Math.abs(u) - 0.12f, Math.abs(v + 0.045f) - 0.022f);
                over(c, 0.831f, 0.686f, 0.216f, 1f, coverage(bridge, unitsPerPx));
                for (int side = -1; side <= 1; side += 2) {
                    float ex = (u - side * 0.36f) / 0.25f, ey = (v - 0.02f) / 0.18f;
                    float d = (float) (Math.sqrt(ex * ex + ey * ey) - 1) * 0.2f; // approx. distance in units
                    float rim = Math.abs(d + 0.012f) - 0.014f;
                    float shine = (float) Math.max(0, 0.35 - Math.hypot(ex + 0.35, ey + 0.45)) * 0.9f;
                    over(c, 0.078f + shine, 0.11f + shine, 0.188f + shine, 0.9f, coverage(d, unitsPerPx));
                    over(c, 0.02f, 0.02f, 0.02f, 1f, coverage(rim, unitsPerPx));
                }
                int i = (y * w + x) * 4;
                px.put(i, to8(c[0])).put(i + 1, to8(c[1])).put(i + 2, to8(c[2])).put(i + 3, to8(c[3]));
            }
        }
        return new SpriteArt(px, w, h, left, top, right, bottom);
    }

    /** Anti-aliased coverage of a shape whose signed distance (template units) is {@code d}. */
    private static float coverage(float d, float unitsPerPx) {
        return Math.max(0, Math.min(1, 0.5f - d / unitsPerPx));
    }

    /** Straight-alpha "over" of colour (r, g, b, a * cov) onto c. */
    private static void over(float[] c, float r, float g, float b, float a, float cov) {
        float sa = a * cov;
        if (sa <= 0) return;
        float oa = sa + c[3] * (1 - sa);
        c[0] = (r * sa + c[0] * c[3] * (1 - sa)) / oa;
        c[1] = (g * sa + c[1] * c[3] * (1 - sa)) / oa;
        c[2] = (b * sa + c[2] * c[3] * (1 - sa)) / oa;
        c[3] = oa;
    }

    private static byte to8(float v) { return (byte) Math.round(Math.max(0, Math.min(1, v)) * 255); }

    /** Writes the sprite as a PNG, e.g. to look at it. */
    public void writePng(Path file) {
        if (!stbi_write_png(file.toString(), width, height, 4, rgba, width * 4)) {
            throw new IllegalStateException("cannot write " + file);
        }
    }

    @Override
    public void close() { MemoryUtil.memFree(rgba); }
}
