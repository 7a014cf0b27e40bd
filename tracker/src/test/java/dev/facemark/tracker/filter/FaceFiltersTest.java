package dev.facemark.tracker.filter;

import dev.facemark.core.geom.FaceBox;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.render.GlContext;
import dev.facemark.tracker.render.GlTestSupport;
import dev.facemark.tracker.render.KeyAction;
import dev.facemark.tracker.render.Layer;
import dev.facemark.tracker.render.RenderOptions;
import dev.facemark.tracker.render.Renderer;
import dev.facemark.tracker.render.VideoImage;
import dev.facemark.tracker.render.Viewport;
import org.lwjgl.system.MemoryUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static dev.facemark.tracker.filter.FilterScene.*;
import static org.junit.jupiter.api.Assertions.*;

/** Each built-in filter rendered headless: pixels where the effect must be, and where it must not. */
class FaceFiltersTest {
    private static GlContext ctx;

    @BeforeAll
    static void gl() { ctx = GlTestSupport.headlessOrFail(); }

    @AfterAll
    static void done() { if (ctx != null) ctx.close(); }

    private static boolean near(int[] bgr, int rgba, int tol) { return GlTestSupport.close(bgr, rgba, tol); }

    @Test
    void sunglassesSitOnTheEyesAndFollowRotationAndScale() {
        for (double angle : new double[] {0, 0.5}) {
            for (float scale : new float[] {140, 70}) {
                try (FilterScene s = new FilterScene().fill((x, y) -> 0x808080);
                     FilterStack f = FilterStack.of("sunglasses")) {
                    float[] lm = face(200, 130, scale, angle);
                    s.render(f, result(0, tracked(1, lm, null, 0)));
                    Similarity sim = Similarity.fit(FaceTemplate.MEAN_68, lm, new int[] {36, 39, 42, 45, 27});
                    String at = " (angle " + angle + ", scale " + scale + ")";
                    int bx = Math.round(sim.mapX(0, -0.045)), by = Math.round(sim.mapY(0, -0.045));
                    assertTrue(near(s.bgr(bx, by), SpriteArt.SUNGLASSES_BRIDGE, 40),
                            "gold bridge between the eyes" + at + ": " + java.util.Arrays.toString(s.bgr(bx, by)));
                    float[] eyes = WarpFilter.eyeCentres(lm);
                    for (int e = 0; e < 2; e++) {
                        // lower half of the lens (the highlight is in the upper half)
                        int ex = Math.round(sim.mapX(e == 0 ? -0.36 : 0.36, 0.1)), ey = Math.round(sim.mapY(e == 0 ? -0.36 : 0.36, 0.1));
                        assertTrue(s.luma(ex, ey) < 200, "dark lens over eye " + e + at + ": " + s.luma(ex, ey));
                        assertTrue(Math.hypot(ex - eyes[2 * e], ey - eyes[2 * e + 1]) < scale * 0.15, "lens near the eye" + at);
                    }
                    int mx = Math.round(lm[2 * 62]), my = Math.round(lm[2 * 62 + 1]);
                    assertTrue(near(s.bgr(mx, my), 0x808080FF, 1), "mouth untouched" + at);
                    assertTrue(near(s.bgr(5, 5), 0x808080FF, 1), "corner untouched" + at);
                }
            }
        }
    }

    @Test
    void meshDrawsEdgesNotInteriorsAndShadedFills() {
        float[] lm = face(200, 120, 130, 0.1);
        float[] p = FaceTemplate.withForehead(lm);
        int[] tri = FaceTemplate.TRIANGLES;
        try (FilterScene s = new FilterScene().fill((x, y) -> 0x808080); FilterStack f = FilterStack.of("mesh")) {
            s.render(f, result(0, tracked(1, lm, null, 0)));
            int edges = 0, interiors = 0;
            for (int t = 0; t < tri.length; t += 3) {
                for (int k = 0; k < 3; k++) {
                    int a = tri[t + k], b = tri[t + (k + 1) % 3];
                    double len = Math.hypot(p[2 * a] - p[2 * b], p[2 * a + 1] - p[2 * b + 1]);
                    if (len < 8) continue;
                    float mx = (p[2 * a] + p[2 * b]) / 2, my = (p[2 * a + 1] + p[2 * b + 1]) / 2;
                    boolean hit = false;
                    for (int dy = -1; dy <= 1 && !hit; dy++) for (int dx = -1; dx <= 1 && !hit; dx++) {
                        hit = near(s.bgr(Math.round(mx) + dx, Math.round(my) + dy), MeshFilter.LINE, 45);
                    }
                    if (!hit) {
                        StringBuilder sb = new StringBuilder();
                        for (int dy = -2; dy <= 2; dy++) for (int dx = -2; dx <= 2; dx++) sb.append(java.util.Arrays.toString(s.bgr(Math.round(mx) + dx, Math.round(my) + dy)));
                        fail("edge " + a + "-" + b + " not drawn near (" + mx + ", " + my + "): " + sb);
                    }
                    edges++;
                }
                float cx = (p[2 * tri[t]] + p[2 * tri[t + 1]] + p[2 * tri[t + 2]]) / 3;
                float cy = (p[2 * tri[t] + 1] + p[2 * tri[t + 1] + 1] + p[2 * tri[t + 2] + 1]) / 3;
                if (inradius(p, tri[t], tri[t + 1], tri[t + 2]) > 4) {
                    assertTrue(near(s.bgr(Math.round(cx), Math.round(cy)), 0x808080FF, 2), "wireframe leaves triangle " + t / 3 + " open");
                    interiors++;
                }
            }
            assertTrue(edges > 100 && interiors > 20, edges + " edges, " + interiors + " interiors checked");
            assertTrue(near(s.bgr(3, 3), 0x808080FF, 1), "outside the face untouched");
            // forehead points exist above the brows
            assertTrue(p[2 * 72 + 1] < lm[2 * 21 + 1] - 10, "forehead above the brow");
        }
        try (FilterScene s = new FilterScene().fill((x, y) -> 0x808080); FilterStack f = FilterStack.of("mesh-shaded")) {
            s.render(f, result(0, tracked(1, lm, null, 0)));
            int nx = Math.round(lm[2 * 29]), ny = Math.round(lm[2 * 29 + 1]) + 2; // near the nose, inside triangles
            int[] c = s.bgr(nx, ny);
            assertTrue(Math.abs(c[2] - 128) > 40 || Math.abs(c[0] - 128) > 40, "shaded fill on the face: " + java.util.Arrays.toString(c));
            assertTrue(near(s.bgr(3, 3), 0x808080FF, 1), "outside the face untouched");
        }
    }

    private static double inradius(float[] p, int a, int b, int c) {
        double ab = Math.hypot(p[2 * a] - p[2 * b], p[2 * a + 1] - p[2 * b + 1]);
        double bc = Math.hypot(p[2 * b] - p[2 * c], p[2 * b + 1] - p[2 * c + 1]);
        double ca = Math.hypot(p[2 * c] - p[2 * a], p[2 * c + 1] - p[2 * a + 1]);
        double area = Math.abs((p[2 * b] - p[2 * a]) * (p[2 * c + 1] - p[2 * a + 1]) - (p[2 * c] - p[2 * a]) * (p[2 * b + 1] - p[2 * a + 1])) / 2;
        return 2 * area / (ab + bc + ca);
    }

    @Test
    void bigEyesEnlargeTheEyesAndLeaveTheRestAlone() {
        float[] lm = face(200, 120, 110, 0);
        float[] eyes = WarpFilter.eyeCentres(lm);
        try (FilterScene s = new FilterScene(); FilterStack f = FilterStack.of("big-eyes")) {
            s.fill((x, y) -> {
                for (int e = 0; e < 2; e++) if (Math.hypot(x - eyes[2 * e], y - eyes[2 * e + 1]) < 7) return 0xFFFFFF;
                return (60 << 16) | ((y * 255 / H) << 8) | (x * 255 / W);
            });
            s.render(null, result(0, tracked(1, lm, null, 0)));
            int before = whiteAround(s, eyes);
            byte[] plain = new byte[W * H * 3];
            s.pixels.get(0, plain);
            s.render(f, result(0, tracked(1, lm, null, 0)));
            int after = whiteAround(s, eyes);
            assertTrue(after > before * 1.6, "eyes bigger: " + before + " -> " + after + " white pixels");
            List<float[]> regions = WarpFilter.regions(WarpFilter.Kind.BIG_EYES, tracked(1, lm, null, 0), s.renderer.viewport());
            assertTrue(regions.get(0)[2] < 0.8 * FaceBox.ofPoints(lm).w() * WarpFilter.REGION_SCALE, "eye patch smaller than the face patch");
            int maxOutside = 0, maxBorder = 0;
            for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
                int i = (y * W + x) * 3;
                int d = 0;
                for (int c = 0; c < 3; c++) d = Math.max(d, Math.abs((plain[i + c] & 0xFF) - (s.pixels.get(i + c) & 0xFF)));
                boolean inside = false;
                double edge = Double.MAX_VALUE;
                for (float[] region : regions) {
                    if (x >= region[0] && x <= region[0] + region[2] && y >= region[1] && y <= region[1] + region[3]) {
                        inside = true;
                        edge = Math.min(edge, Math.min(Math.min(x - region[0], region[0] + region[2] - x), Math.min(y - region[1], region[1] + region[3] - y)));
                    }
                }
                if (!inside) maxOutside = Math.max(maxOutside, d);
                else if (edge < 4) maxBorder = Math.max(maxBorder, d);
            }
            assertEquals(0, maxOutside, "video outside the warp region unchanged");
            assertTrue(maxBorder <= 2, "no seam at the warp border: " + maxBorder);
        }
    }

    private static int whiteAround(FilterScene s, float[] eyes) {
        int n = 0;
        for (int e = 0; e < 2; e++) {
            for (int y = (int) eyes[2 * e + 1] - 25; y <= eyes[2 * e + 1] + 25; y++) {
                for (int x = (int) eyes[2 * e] - 25; x <= eyes[2 * e] + 25; x++) {
                    int[] c = s.bgr(x, y);
                    if (c[0] > 220 && c[1] > 220 && c[2] > 220) n++;
                }
            }
        }
        return n;
    }

    @Test
    void slimJawPullsTheJawLineInwards() {
        float[] lm = face(200, 110, 110, 0);
        int jx = Math.round(lm[2 * 4]), jy = Math.round(lm[2 * 4 + 1]);
        int rx = Math.round(lm[2 * 12]), ry = Math.round(lm[2 * 12 + 1]);
        try (FilterScene s = new FilterScene(); FilterStack f = FilterStack.of("slim-jaw")) {
            // white outside the jaw line on both sides, dark inside
            s.fill((x, y) -> x < jx || x > rx ? 0xFFFFFF : 0x202020);
            s.render(f, result(0, tracked(1, lm, null, 0)));
            assertTrue(s.luma(jx + 5, jy) > 600, "left jaw edge moved right: " + s.luma(jx + 5, jy));
            assertTrue(s.luma(rx - 5, ry) > 600, "right jaw edge moved left: " + s.luma(rx - 5, ry));
            int nx = Math.round(lm[2 * 30]), ny = Math.round(lm[2 * 30 + 1]);
            assertTrue(s.luma(nx, ny) < 120, "face centre stays dark");
            assertTrue(s.luma(3, 3) > 760, "corner untouched");
        }
    }

    @Test
    void privacyBlurLowersVarianceInsideTheFaceAndHoldsWhenLost() {
        Random rnd = new Random(7);
        int[] noise = new int[W * H];
        for (int i = 0; i < noise.length; i++) { int v = rnd.nextInt(256); noise[i] = v * 0x010101; }
        float[] lm = face(200, 120, 100, 0);
        FaceBox box = FaceBox.ofPoints(lm);
        int x0 = Math.round(box.x()), y0 = Math.round(box.y()), x1 = Math.round(box.x() + box.w()), y1 = Math.round(box.y() + box.h());
        for (String mode : List.of("blur", "pixelate")) {
            try (FilterScene s = new FilterScene().fill((x, y) -> noise[y * W + x]); FilterStack f = FilterStack.of(mode)) {
                s.render(f, result(10, tracked(4, lm, null, 0)));
                double inside = s.variance(x0, y0, x1, y1), outside = s.variance(0, 0, 60, 60);
                assertTrue(inside < outside * 0.25, mode + ": variance inside " + inside + " vs outside " + outside);

                s.render(f, result(12, tracked(4, lm, null, 2)));
                assertTrue(s.variance(x0, y0, x1, y1) < outside * 0.25, mode + ": reported lost 2 frames, still covered");
                s.render(f, result(14));
                assertTrue(s.variance(x0, y0, x1, y1) < outside * 0.25, mode + ": dropped by the tracker, region held");
                s.render(f, result(40));
                assertTrue(s.variance(x0, y0, x1, y1) > outside * 0.8, mode + ": released after the hold");
            }
        }
    }

    @Test
    void filtersWorkOnYuvFramesLetterboxedIntoABiggerTarget() {
        // I420 noise frame, 400x300 into 1280x720: the filters sample the GPU-converted video and
        // place effects through the letterbox scale (2.4) and offset (160, 0).
        int w = W, h = H;
        ByteBuffer y = MemoryUtil.memAlloc(w * h), u = MemoryUtil.memAlloc(w * h / 4), v = MemoryUtil.memAlloc(w * h / 4);
        Random rnd = new Random(3);
        for (int i = 0; i < w * h; i++) y.put(i, (byte) (16 + rnd.nextInt(220)));
        for (int i = 0; i < w * h / 4; i++) { u.put(i, (byte) 128); v.put(i, (byte) 128); }
        float[] lm = face(200, 120, 100, 0.2);
        FaceBox box = FaceBox.ofPoints(lm);
        try (Renderer r = Renderer.onContext(1280, 720, new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO)));
             FilterStack f = FilterStack.of("blur,sunglasses")) {
            r.setEffects(f);
            r.render(VideoImage.i420(y, u, v, w, h, w, w / 2), result(0, tracked(1, lm, null, 0)), null);
            ByteBuffer px = r.readBgr(MemoryUtil.memAlloc(1280 * 720 * 3));
            Viewport vp = r.viewport();
            assertEquals(160, vp.x());
            // blur: low variance in the lower face (below the glasses), high in the video outside
            double in = variance(px, (int) vp.toTargetX(box.cx() - box.w() * 0.25f), (int) vp.toTargetY(box.cy() + box.h() * 0.15f),
                    (int) vp.toTargetX(box.cx() + box.w() * 0.25f), (int) vp.toTargetY(box.cy() + box.h() * 0.4f));
            double out = variance(px, 170, 10, 300, 100);
            assertTrue(in < out * 0.25, "blurred YUV face: " + in + " vs " + out);
            Similarity sim = Similarity.fit(FaceTemplate.MEAN_68, lm, new int[] {36, 39, 42, 45, 27});
            int bx = (int) vp.toTargetX(sim.mapX(0, -0.045)), by = (int) vp.toTargetY(sim.mapY(0, -0.045));
            assertTrue(near(GlTestSupport.bgrAt(px, 1280, bx, by), SpriteArt.SUNGLASSES_BRIDGE, 40), "bridge through the letterbox mapping");
            assertEquals(0, GlTestSupport.luma(GlTestSupport.bgrAt(px, 1280, 80, 360)), "bars untouched");
            MemoryUtil.memFree(px);
        } finally {
            MemoryUtil.memFree(y); MemoryUtil.memFree(u); MemoryUtil.memFree(v);
        }
    }

    private static double variance(ByteBuffer px, int x0, int y0, int x1, int y1) {
        double s = 0, s2 = 0;
        int n = 0;
        for (int yy = y0; yy < y1; yy++) for (int xx = x0; xx < x1; xx++) {
            double l = GlTestSupport.luma(GlTestSupport.bgrAt(px, 1280, xx, yy)) / 3.0;
            s += l; s2 += l * l; n++;
        }
        return s2 / n - (s / n) * (s / n);
    }

    @Test
    void poseAxesStartAtTheNoseTip() {
        float[] lm = face(200, 120, 100, 0);
        HeadPose pose = new HeadPose(0, 0, 0, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {0, 0, 500}, 500, 200, 150);
        int nx = Math.round(lm[60]), ny = Math.round(lm[61]);
        try (FilterScene s = new FilterScene().fill((x, y) -> 0x808080); FilterStack f = FilterStack.of("axes")) {
            s.render(f, result(0, tracked(1, lm, pose, 0)));
            int[] right = s.bgr(nx + 15, ny), down = s.bgr(nx, ny + 15), left = s.bgr(nx - 15, ny);
            assertTrue(right[2] > 200 && right[1] < 90, "red X axis right of the nose: " + java.util.Arrays.toString(right));
            assertTrue(down[1] > 200 && down[2] < 90, "green Y axis below the nose: " + java.util.Arrays.toString(down));
            assertTrue(near(left, 0x808080FF, 1), "nothing left of the nose");
        }
    }

    @Test
    void registryNamesFiltersAndTheStackCyclesByKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterRegistry.parseList("blur,glitter"));
        assertTrue(e.getMessage().contains("glitter") && e.getMessage().contains("sunglasses"), e.getMessage());
        for (String n : FilterRegistry.names()) {
            try (FaceFilter f = FilterRegistry.create(n)) { assertEquals(n, f.name()); }
        }
        try (FilterStack st = FilterStack.of("blur,axes")) {
            assertEquals(List.of("blur", "axes"), st.active());
            st.onKey(KeyAction.NEXT_FILTER);
            assertEquals(List.of(FilterRegistry.names().get(0)), st.active());
            st.onKey(KeyAction.TOGGLE_FILTERS);
            assertEquals(List.of(), st.active());
            st.onKey(KeyAction.TOGGLE_FILTERS);
            assertEquals(1, st.active().size());
            for (int i = 0; i < FilterRegistry.names().size(); i++) st.onKey(KeyAction.NEXT_FILTER);
            assertEquals(List.of("blur", "axes"), st.active(), "cycles back to the chosen list");
        }
    }
}
