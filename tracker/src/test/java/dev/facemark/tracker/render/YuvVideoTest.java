package dev.facemark.tracker.render;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.util.EnumSet;

import static dev.facemark.tracker.render.GlTestSupport.bgrAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Synthetic YUV 4:2:0 frames converted on the GPU must match a CPU BT.601 limited-range conversion. */
class YuvVideoTest {
    private static final int W = 64, H = 64;
    // Quadrant colours as (Y, U, V): TL, TR, BL, BR.
    private static final int[][] YUV = {{81, 90, 240}, {145, 54, 34}, {41, 240, 110}, {170, 166, 16}};
    private static GlContext ctx;

    @BeforeAll
    static void gl() { ctx = GlTestSupport.headlessOrFail(); }

    @AfterAll
    static void done() { if (ctx != null) ctx.close(); }

    private static int quadrant(int x, int y, int w, int h) { return (y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1); }

    private static int[] expectedBgr(int[] yuv) {
        double y = 1.164383 * (yuv[0] - 16), u = yuv[1] - 128, v = yuv[2] - 128;
        double r = y + 1.596027 * v, g = y - 0.391762 * u - 0.812968 * v, b = y + 2.017232 * u;
        return new int[] {clamp(b), clamp(g), clamp(r)};
    }

    private static int clamp(double c) { return (int) Math.round(Math.max(0, Math.min(255, c))); }

    private static void check(VideoImage img) {
        try (Renderer r = Renderer.onContext(W, H, new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO)))) {
            r.render(img, null, null);
            ByteBuffer px = r.readBgr(MemoryUtil.memAlloc(W * H * 3));
            int[][] probes = {{16, 16}, {48, 16}, {16, 48}, {48, 48}};
            for (int[] p : probes) {
                int[] want = expectedBgr(YUV[quadrant(p[0], p[1], W, H)]);
                int[] got = bgrAt(px, W, p[0], p[1]);
                for (int c = 0; c < 3; c++) {
                    assertEquals(want[c], got[c], 2, img.format() + " channel " + c + " at " + p[0] + "," + p[1]);
                }
            }
            MemoryUtil.memFree(px);
        }
    }

    @Test
    void i420IsConvertedOnTheGpu() {
        int cw = W / 2, ch = H / 2, stride = W + 16; // padded luma rows, as decoders often give
        ByteBuffer y = MemoryUtil.memAlloc(stride * H), u = MemoryUtil.memAlloc(cw * ch), v = MemoryUtil.memAlloc(cw * ch);
        for (int j = 0; j < H; j++) for (int i = 0; i < stride; i++) y.put(j * stride + i, (byte) (i < W ? YUV[quadrant(i, j, W, H)][0] : 0));
        for (int j = 0; j < ch; j++) for (int i = 0; i < cw; i++) {
            u.put(j * cw + i, (byte) YUV[quadrant(i, j, cw, ch)][1]);
            v.put(j * cw + i, (byte) YUV[quadrant(i, j, cw, ch)][2]);
        }
        try {
            check(VideoImage.i420(y, u, v, W, H, stride, cw));
        } finally {
            MemoryUtil.memFree(y); MemoryUtil.memFree(u); MemoryUtil.memFree(v);
        }
    }

    @Test
    void nv12IsConvertedOnTheGpu() {
        int cw = W / 2, ch = H / 2;
        ByteBuffer y = MemoryUtil.memAlloc(W * H), uv = MemoryUtil.memAlloc(cw * ch * 2);
        for (int j = 0; j < H; j++) for (int i = 0; i < W; i++) y.put(j * W + i, (byte) YUV[quadrant(i, j, W, H)][0]);
        for (int j = 0; j < ch; j++) for (int i = 0; i < cw; i++) {
            uv.put((j * cw + i) * 2, (byte) YUV[quadrant(i, j, cw, ch)][1]);
            uv.put((j * cw + i) * 2 + 1, (byte) YUV[quadrant(i, j, cw, ch)][2]);
        }
        try {
            check(VideoImage.nv12(y, uv, W, H, W, W));
        } finally {
            MemoryUtil.memFree(y); MemoryUtil.memFree(uv);
        }
    }
}
