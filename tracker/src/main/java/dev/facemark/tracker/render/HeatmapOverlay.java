package dev.facemark.tracker.render;

import dev.facemark.core.geom.PixelCentres;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.points.PointGroup;
import dev.facemark.tracker.face.FaceHeatmaps;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;
import java.util.Arrays;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Draws a face's heatmaps as a colour-mapped translucent overlay. The selected maps (one point,
 * a group, or all) are each normalised to their own peak and reduced to their per-texel max, colour-mapped on
 * the CPU ({@link HeatColours}) into one small RGBA texture, and blended by {@code heatmap.frag} over the
 * visible part of the face. The quad is the
 * model-input crop mapped to the source by {@link FaceHeatmaps#crop()} (rotated crops included),
 * then into the target by the viewport.
 *
 * <p>Why the max is taken on the CPU: the loop that finds the normalisation maximum already reads
 * every selected value, so writing the per-texel max costs almost nothing there, while uploading
 * all maps as a texture array and reducing them in a shader cost about 5 ms per face on llvmpipe
 * (68 layers x 64 x 64 fetches) plus a 1.1 MB upload. Only 16 KB go up per face this way, and
 * texels whose overlay would be invisible are cut from the quad ({@link #cullBounds}).
 */
public final class HeatmapOverlay implements AutoCloseable {
    private final ShaderProgram shader;
    private final int texture, vao, vbo;
    private float[] reduced = new float[0], pooled = new float[0];
    /** Size of the last reduced map: the model's maps, max-pooled when larger than {@link #MAX_TEXELS}. */
    private int redW, redH;
    /** Longest side of a reduced map: larger maps cost CPU per frame and show no more detail at face size. */
    static final int MAX_TEXELS = 64;
    private int texW, texH;
    /** Target size of the colour-mapped texture's longer side (maps are upsampled up to 4x towards it; 56 keeps the glow at a quarter of 112's CPU cost). */
    private static final int UPSAMPLED = 56;
    private static final int LUT_STEPS = 1024;
    private final int[] lut = new int[LUT_STEPS + 1];
    private float lutOpacity = Float.NaN;
    /** Visible texel box of the last reduced map: x0, y0, x1, y1 (exclusive). */
    private final int[] bounds = new int[4];
    private java.nio.ByteBuffer rgba;

    public HeatmapOverlay() {
        shader = new ShaderProgram("heatmap.vert", "heatmap.frag");
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, 4 * 4 * 4, GL_STREAM_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, 16, 0);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, 16, 8);
        glBindVertexArray(0);
    }

    /** The map indices the options select for a face with {@code points} maps. */
    static int[] selection(RenderOptions o, int points) {
        switch (o.heatmapMode()) {
            case POINT -> { return new int[] {Math.floorMod(o.heatmapPoint(), points)}; }
            case GROUP -> {
                int[] idx = o.scheme().group(o.heatmapGroup()).map(PointGroup::indices).orElse(new int[0]);
                return Arrays.stream(idx).filter(i -> i < points).toArray();
            }
            default -> {
                int[] all = new int[points];
                for (int i = 0; i < points; i++) all[i] = i;
                return all;
            }
        }
    }

    /** Per-texel max over the selected maps, normalised to [0, 1]; null when all are zero. */
    float[] reduce(FaceHeatmaps hm, int[] sel, RenderOptions o) {
        int mw = hm.width(), mh = hm.height();
        int f = poolFactor(mw, mh);
        redW = mw / f;
        redH = mh / f;
        int plane = mw * mh, small = redW * redH;
        if (reduced.length != small) reduced = new float[small];
        if (f > 1 && pooled.length != small) pooled = new float[small];
        float[] maps = hm.maps(), out = reduced;
        Arrays.fill(out, 0f);
        boolean any = false;
        // Each map is scaled to its own peak before the max: sharp, confident maps would otherwise
        // drown the broader ones, and a group or "all" view would show only a few points.
        for (int k : sel) {
            float[] src = maps;
            int base = k * plane;
            if (f > 1) { // full-resolution maps (the UNet's 128x128): max-pool first, so the rest reads a quarter
                maxPool(maps, base, mw, mh, f, pooled);
                src = pooled;
                base = 0;
            }
            float max = peak(src, base, small);
            if (!(max > 0)) continue;
            any = true;
            float inv = 1f / max;
            for (int i = 0; i < small; i++) {
                float x = src[base + i] * inv;
                out[i] = x > out[i] ? x : out[i]; // a conditional move; Math.max measured 1.7x slower here
            }
        }
        if (!any) return null;
        cullBounds(out, redW, redH, o.heatmapOpacity());
        return out;
    }

    /**
     * The pooling factor that brings a map's longer side to at most {@link #MAX_TEXELS}: the smallest
     * divisor of both sides that does, so pooled texels tile the crop exactly; 1 (no pooling) when only
     * a divisor that would leave fewer than {@code MAX_TEXELS / 4} texels exists.
     */
    static int poolFactor(int w, int h) {
        int side = Math.max(w, h);
        if (side <= MAX_TEXELS) return 1;
        for (int f = 2; side / f >= MAX_TEXELS / 4; f++) {
            if (w % f == 0 && h % f == 0 && side / f <= MAX_TEXELS) return f;
        }
        return 1;
    }

    /** f x f max pooling of one map (keeps each point's peak, which an average would flatten). */
    private static void maxPool(float[] a, int base, int w, int h, int f, float[] out) {
        int ow = w / f;
        Arrays.fill(out, 0f);
        for (int y = 0; y < h; y++) {
            int row = base + y * w, orow = (y / f) * ow;
            for (int px = 0; px < ow; px++) {
                float m = out[orow + px];
                for (int j = 0, x = row + px * f; j < f; j++, x++) m = a[x] > m ? a[x] : m;
                out[orow + px] = m;
            }
        }
    }

    /** Largest of {@code n} values from {@code base}; four accumulators so the CPU overlaps the comparisons. */
    private static float peak(float[] a, int base, int n) {
        float m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float x0 = a[base + i], x1 = a[base + i + 1], x2 = a[base + i + 2], x3 = a[base + i + 3];
            m0 = x0 > m0 ? x0 : m0;
            m1 = x1 > m1 ? x1 : m1;
            m2 = x2 > m2 ? x2 : m2;
            m3 = x3 > m3 ? x3 : m3;
        }
        for (; i < n; i++) m0 = a[base + i] > m0 ? a[base + i] : m0;
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    /**
     * The texel box outside which the overlay would be invisible (alpha under 2/255, see
     * {@link HeatColours}), one texel wider for bilinear sampling. Drawing only that part of the
     * crop saves most of the blended pixels, which are what software GL pays for (about 5 ns each
     * at 720p).
     */
    private void cullBounds(float[] v, int w, int h, float opacity) {
        float min = HeatColours.visibleFrom(opacity);
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (v[row + x] >= min) {
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    y1 = y;
                }
            }
        }
        if (x1 < 0) { bounds[0] = bounds[1] = bounds[2] = bounds[3] = 0; return; }
        bounds[0] = Math.max(0, x0 - 1);
        bounds[1] = Math.max(0, y0 - 1);
        bounds[2] = Math.min(w, x1 + 2);
        bounds[3] = Math.min(h, y1 + 2);
    }

    /** The visible texel box {x0, y0, x1, y1} (exclusive ends) of the last {@link #reduce}, in its reduced texels. */
    int[] visibleTexels() { return bounds.clone(); }

    /** Width and height of the last {@link #reduce}'s map. */
    int[] reducedSize() { return new int[] {redW, redH}; }

    public void draw(FaceHeatmaps hm, RenderOptions o, Viewport vp) {
        int[] sel = selection(o, hm.points());
        if (sel.length == 0) return;
        float[] value = reduce(hm, sel, o);
        if (value == null || bounds[2] <= bounds[0] || bounds[3] <= bounds[1]) return;

        // Colour-mapped on the CPU into a small premultiplied RGBA8 texture, so the face-sized quad
        // only filters and blends RGBA8, llvmpipe's fast path (sampling a float map and colour-mapping
        // per pixel cost about 20 ns per covered pixel there). The values are first upsampled
        // bilinearly (28 -> 56 texels): the colour map's sqrt must apply after interpolation, or a
        // one-texel peak shrinks to a dot instead of glowing.
        int mw = redW, mh = redH;
        int up = Math.max(1, Math.min(4, UPSAMPLED / Math.max(mw, mh)));
        int tw = mw * up, th = mh * up;
        if (rgba == null || rgba.capacity() < tw * th * 4) {
            if (rgba != null) MemoryUtil.memFree(rgba);
            rgba = MemoryUtil.memAlloc(tw * th * 4);
        }
        float opacity = o.heatmapOpacity();
        if (opacity != lutOpacity) {
            // The colour map through a table: a sqrt and a smoothstep per upsampled texel cost ~1 ms.
            for (int i = 0; i <= LUT_STEPS; i++) lut[i] = HeatColours.premultipliedRgba(i / (float) LUT_STEPS, opacity);
            lutOpacity = opacity;
        }
        for (int y = 0; y < th; y++) {
            float sy = Math.min(Math.max(PixelCentres.map(y, up, 1), 0f), mh - 1f);
            int y0 = (int) sy, y1 = Math.min(y0 + 1, mh - 1);
            float fy = sy - y0;
            for (int x = 0; x < tw; x++) {
                float sx = Math.min(Math.max(PixelCentres.map(x, up, 1), 0f), mw - 1f);
                int x0 = (int) sx, x1 = Math.min(x0 + 1, mw - 1);
                float fx = sx - x0;
                float top = value[y0 * mw + x0] + fx * (value[y0 * mw + x1] - value[y0 * mw + x0]);
                float bottom = value[y1 * mw + x0] + fx * (value[y1 * mw + x1] - value[y1 * mw + x0]);
                float v = top + fy * (bottom - top);
                rgba.putInt((y * tw + x) * 4, lut[(int) (Math.min(Math.max(v, 0f), 1f) * LUT_STEPS + 0.5f)]);
            }
        }
        rgba.position(0).limit(tw * th * 4);
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        if (tw != texW || th != texH) {
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, tw, th, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
            texW = tw;
            texH = th;
        } else {
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, texW, texH, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
        }

        CropTransform crop = hm.crop();
        float u0 = bounds[0] / (float) mw, v0 = bounds[1] / (float) mh;
        float u1 = bounds[2] / (float) mw, v1 = bounds[3] / (float) mh;
        // uv 0..1 spans the crop from its first pixel's left edge (-0.5) to its last pixel's right edge.
        float l = u0 * crop.width() - 0.5f, t = v0 * crop.height() - 0.5f;
        float r = u1 * crop.width() - 0.5f, b = v1 * crop.height() - 0.5f;
        float[] src = crop.toSource(new float[] {l, t, r, t, l, b, r, b});
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer v = stack.mallocFloat(16);
            float[] uv = {u0, v0, u1, v0, u0, v1, u1, v1};
            for (int k = 0; k < 4; k++) {
                // Corners are pixel edges: convert edge coordinates, not centres, into the target.
                float ex = src[2 * k] + 0.5f, ey = src[2 * k + 1] + 0.5f;
                v.put(vp.x() + ex * vp.scaleX()).put(vp.y() + ey * vp.scaleY()).put(uv[2 * k]).put(uv[2 * k + 1]);
            }
            v.flip();
            glBindBuffer(GL_ARRAY_BUFFER, vbo);
            glBufferSubData(GL_ARRAY_BUFFER, 0, v);
        }
        shader.use();
        shader.set("u_target", vp.targetW(), vp.targetH());
        shader.set("u_value", 0);
        glActiveTexture(GL_TEXTURE0);
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // premultiplied colours
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    @Override
    public void close() {
        if (rgba != null) MemoryUtil.memFree(rgba);
        rgba = null;
        shader.close();
        glDeleteTextures(texture);
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
    }
}
