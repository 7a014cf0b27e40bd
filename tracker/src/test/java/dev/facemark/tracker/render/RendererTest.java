package dev.facemark.tracker.render;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.points.PointScheme;
import dev.facemark.tracker.face.FaceHeatmaps;
import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static dev.facemark.tracker.render.GlTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** Headless render checks: pixels read back from the real GL pipeline (Mesa llvmpipe on CI). */
class RendererTest {
    private static GlContext ctx;

    @BeforeAll
    static void gl() { ctx = headlessOrFail(); }

    @AfterAll
    static void done() { if (ctx != null) ctx.close(); }

    /** 68 well separated points with sub-pixel offsets, inside a 400x300 frame. */
    private static float[] gridLandmarks() {
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) {
            lm[2 * i] = 18.3f + (i % 17) * 21.7f;
            lm[2 * i + 1] = 40.6f + (i / 17) * 55.2f;
        }
        return lm;
    }

    @Test
    void pointsAppearInTheirGroupColourAtTheLandmarksWithinOnePixel() {
        RenderOptions o = new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO, Layer.POINTS)).setPointRadius(3f);
        float[] lm = gridLandmarks();
        ByteBuffer frame = solidBgr(400, 300, 128, 128, 128);
        try (Renderer r = Renderer.onContext(1280, 720, o)) {
            r.render(VideoImage.bgr(frame, 400, 300), result(400, 300, face(1, lm, null, null, 0)), null);
            ByteBuffer px = r.readBgr(MemoryUtil.memAlloc(1280 * 720 * 3));
            Viewport v = r.viewport();
            PointScheme s = PointScheme.IBUG_68;
            for (int i = 0; i < 68; i++) {
                int colour = o.groupColour(s.groupOf(i));
                float tx = v.toTargetX(lm[2 * i]), ty = v.toTargetY(lm[2 * i + 1]);
                double sx = 0, sy = 0;
                int n = 0;
                for (int y = (int) ty - 8; y <= (int) ty + 8; y++) {
                    for (int x = (int) tx - 8; x <= (int) tx + 8; x++) {
                        if (close(bgrAt(px, 1280, x, y), colour, 6)) { sx += x + 0.5; sy += y + 0.5; n++; }
                    }
                }
                assertTrue(n >= 12, "point " + i + " drew only " + n + " pixels of its group colour");
                assertEquals(tx, sx / n, 1.0, "point " + i + " x");
                assertEquals(ty, sy / n, 1.0, "point " + i + " y");
                assertTrue(close(bgrAt(px, 1280, (int) tx, (int) ty), colour, 6), "point " + i + " centre pixel");
                // ...and not where there is no point: 8 px away is plain video.
                assertTrue(close(bgrAt(px, 1280, (int) tx + 8, (int) ty), 0x808080FF, 2), "video beside point " + i);
            }
            MemoryUtil.memFree(px);
        } finally {
            MemoryUtil.memFree(frame);
        }
    }

    @Test
    void letterboxKeepsAspectWithExactBars() {
        assertEquals(new Viewport(1280, 720, 400, 300, 160, 0, 960, 720), Viewport.fit(400, 300, 1280, 720));
        assertEquals(new Viewport(1280, 720, 300, 400, 370, 0, 540, 720), Viewport.fit(300, 400, 1280, 720));
        assertEquals(new Viewport(400, 400, 400, 300, 0, 50, 400, 300), Viewport.fit(400, 300, 400, 400));

        RenderOptions o = new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO));
        ByteBuffer frame = solidBgr(400, 300, 255, 255, 255);
        try (Renderer r = Renderer.onContext(1280, 720, o)) {
            r.render(VideoImage.bgr(frame, 400, 300), null, null);
            ByteBuffer px = r.readBgr(MemoryUtil.memAlloc(1280 * 720 * 3));
            for (int y : new int[] {0, 1, 360, 718, 719}) {
                assertEquals(0, luma(bgrAt(px, 1280, 0, y)), "left bar at row " + y);
                assertEquals(0, luma(bgrAt(px, 1280, 159, y)), "last bar column left, row " + y);
                assertEquals(765, luma(bgrAt(px, 1280, 160, y)), "first video column, row " + y);
                assertEquals(765, luma(bgrAt(px, 1280, 1119, y)), "last video column, row " + y);
                assertEquals(0, luma(bgrAt(px, 1280, 1120, y)), "first bar column right, row " + y);
                assertEquals(0, luma(bgrAt(px, 1280, 1279, y)), "right bar at row " + y);
            }
            MemoryUtil.memFree(px);
        } finally {
            MemoryUtil.memFree(frame);
        }
    }

    @Test
    void bgrIsSwizzledOnTheGpuAndReadBackAsBgrAndPng(@TempDir Path dir) {
        RenderOptions o = new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO));
        // Left half pure blue, right half pure red, in BGR byte order.
        ByteBuffer frame = MemoryUtil.memAlloc(64 * 32 * 3);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 64; x++) {
            if (x < 32) frame.put((byte) 255).put((byte) 0).put((byte) 0);
            else frame.put((byte) 0).put((byte) 0).put((byte) 255);
        }
        frame.flip();
        try (Renderer r = Renderer.onContext(64, 32, o); Mat m = new Mat()) {
            r.render(VideoImage.bgr(frame, 64, 32), null, null);
            r.readBgr(m);
            assertEquals(32, m.rows());
            assertEquals(64, m.cols());
            ByteBuffer b = m.data().capacity(64 * 32 * 3).asBuffer();
            assertArrayEquals(new int[] {255, 0, 0}, bgrAt(b, 64, 5, 10), "blue stays blue");
            assertArrayEquals(new int[] {0, 0, 255}, bgrAt(b, 64, 60, 10), "red stays red");
            Path png = dir.resolve("shot.png");
            r.writePng(png);
            assertTrue(Files.isRegularFile(png));
            Png back = readPng(png);
            assertEquals(64, back.width());
            assertEquals(32, back.height());
            assertArrayEquals(new int[] {255, 0, 0}, bgrAt(back.bgr(), 64, 5, 10), "PNG left pixel");
            assertArrayEquals(new int[] {0, 0, 255}, bgrAt(back.bgr(), 64, 60, 10), "PNG right pixel");
            MemoryUtil.memFree(back.bgr());
        } finally {
            MemoryUtil.memFree(frame);
        }
    }

    @Test
    void eachFrameShowsItsOwnPixelsAndAPausedRedrawKeepsTheLastOne() {
        // 1:1 frames go from the staging buffer straight into the target; the buffers alternate,
        // so three frames in a row exercise both, and a redraw must still find the last frame.
        RenderOptions o = new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO, Layer.POINTS));
        int[][] colours = {{0, 0, 255}, {255, 0, 0}, {0, 255, 0}};
        float[] lm = gridLandmarks();
        ByteBuffer px = MemoryUtil.memAlloc(400 * 300 * 3);
        try (Renderer r = Renderer.onContext(400, 300, o)) {
            for (int[] c : colours) {
                ByteBuffer frame = solidBgr(400, 300, c[0], c[1], c[2]);
                try {
                    r.render(VideoImage.bgr(frame, 400, 300), result(400, 300, face(1, lm, null, null, 0)), null);
                } finally {
                    MemoryUtil.memFree(frame);
                }
                r.readBgr(px);
                assertArrayEquals(c, bgrAt(px, 400, 390, 295), "frame's own colour away from the points");
            }
            int[] onPoint = bgrAt(px, 400, Math.round(lm[0]), Math.round(lm[1]));
            assertFalse(java.util.Arrays.equals(colours[2], onPoint), "a point is drawn over the video");

            float[] moved = lm.clone();
            for (int i = 0; i < moved.length; i += 2) moved[i] += 9; // the paused view with new points
            r.redraw(result(400, 300, face(1, moved, null, null, 0)), null);
            r.readBgr(px);
            assertArrayEquals(colours[2], bgrAt(px, 400, Math.round(lm[0]), Math.round(lm[1])),
                    "the old point is gone: the last frame was restored under the redraw");
            assertArrayEquals(colours[2], bgrAt(px, 400, 390, 295), "video still there");
        } finally {
            MemoryUtil.memFree(px);
        }
    }

    @Test
    void aSmallerBgrFrameIsScaledIntoItsViewport() {
        // 64x32 (left blue, right red) into 200x200: scaled on the CPU to 200x100, bars above and below.
        RenderOptions o = new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO)).setLetterboxColour(0x000000FF);
        ByteBuffer frame = MemoryUtil.memAlloc(64 * 32 * 3);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 64; x++) {
            if (x < 32) frame.put((byte) 255).put((byte) 0).put((byte) 0);
            else frame.put((byte) 0).put((byte) 0).put((byte) 255);
        }
        frame.flip();
        ByteBuffer px = MemoryUtil.memAlloc(200 * 200 * 3);
        try (Renderer r = Renderer.onContext(200, 200, o)) {
            r.render(VideoImage.bgr(frame, 64, 32), null, null);
            r.readBgr(px);
            Viewport v = r.viewport();
            assertEquals(200, v.w());
            assertEquals(100, v.h());
            assertArrayEquals(new int[] {255, 0, 0}, bgrAt(px, 200, 20, 100), "left stays blue");
            assertArrayEquals(new int[] {0, 0, 255}, bgrAt(px, 200, 180, 100), "right stays red");
            assertArrayEquals(new int[] {0, 0, 0}, bgrAt(px, 200, 100, 20), "bar above");
            assertArrayEquals(new int[] {0, 0, 0}, bgrAt(px, 200, 100, 180), "bar below");
            assertArrayEquals(new int[] {255, 0, 0}, bgrAt(px, 200, 0, 50), "first video row is at the viewport's top");
        } finally {
            MemoryUtil.memFree(frame);
            MemoryUtil.memFree(px);
        }
    }

    private static float[] gaussianMaps(int w, int h, float[][] peaks) {
        float[] maps = new float[peaks.length * w * h];
        for (int p = 0; p < peaks.length; p++) {
            double sum = 0;
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                double dx = x - peaks[p][0], dy = y - peaks[p][1];
                float v = (float) Math.exp(-(dx * dx + dy * dy) / (2 * 1.5 * 1.5));
                maps[(p * h + y) * w + x] = v;
                sum += v;
            }
            for (int i = p * w * h; i < (p + 1) * w * h; i++) maps[i] /= (float) sum;
        }
        return maps;
    }

    private static int[] brightest(ByteBuffer px, int w, int h) {
        int best = -1, bx = 0, by = 0;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int l = luma(bgrAt(px, w, x, y));
            if (l > best) { best = l; bx = x; by = y; }
        }
        return new int[] {bx, by, best};
    }

    @Test
    void heatmapOverlayIsBrightestWhereTheSelectedMapPeaks() {
        // Two 32x32 maps on a rotated 128-pixel crop; the second map is the stronger one.
        CropTransform crop = new CropTransform(200, 150, 128, 128, 0.3f, 64, 64);
        float[] maps = gaussianMaps(32, 32, new float[][] {{10, 20}, {24, 6}});
        for (int i = 32 * 32; i < maps.length; i++) maps[i] *= 1.5f;
        FaceHeatmaps hm = new FaceHeatmaps(maps, 2, 32, 32, crop);
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) { lm[2 * i] = 200 + i % 5; lm[2 * i + 1] = 150 + i % 7; }
        RenderOptions o = new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO, Layer.HEATMAPS)).setHeatmapOpacity(1f);
        ByteBuffer frame = solidBgr(400, 300, 0, 0, 0);
        try (Renderer r = Renderer.onContext(800, 600, o)) {
            FrameResult res = result(400, 300, face(1, lm, hm, null, 0));
            ByteBuffer px = MemoryUtil.memAlloc(800 * 600 * 3);

            o.setHeatmapMode(HeatmapMode.MAX);
            r.render(VideoImage.bgr(frame, 400, 300), res, null);
            r.readBgr(px);
            float[] peak = hm.toSource(24, 6);
            int[] b = brightest(px, 800, 600);
            Viewport v = r.viewport();
            assertEquals(v.toTargetX(peak[0]), b[0] + 0.5, 1.5, "max mode: brightest x at the stronger map's peak");
            assertEquals(v.toTargetY(peak[1]), b[1] + 0.5, 1.5, "max mode: brightest y");
            assertTrue(b[2] > 600, "peak is bright: " + b[2]);
            assertEquals(0, luma(bgrAt(px, 800, 5, 5)), "no overlay outside the crop");

            o.setHeatmapMode(HeatmapMode.POINT).setHeatmapPoint(0);
            r.redraw(res, null);
            r.readBgr(px);
            peak = hm.toSource(10, 20);
            b = brightest(px, 800, 600);
            assertEquals(v.toTargetX(peak[0]), b[0] + 0.5, 1.5, "point mode: brightest x at map 0's peak");
            assertEquals(v.toTargetY(peak[1]), b[1] + 0.5, 1.5, "point mode: brightest y");
            float[] other = hm.toSource(24, 6);
            assertTrue(luma(bgrAt(px, 800, (int) v.toTargetX(other[0]), (int) v.toTargetY(other[1]))) < 30,
                    "map 1 is not shown in point mode");
            MemoryUtil.memFree(px);
        } finally {
            MemoryUtil.memFree(frame);
        }
    }

    @Test
    void allLayersDrawWithoutErrorsAndLostFacesFade() {
        RenderOptions o = new RenderOptions().setLayers(Layer.parseList("all"));
        float[] lm = gridLandmarks();
        var pose = new dev.facemark.tracker.face.HeadPose(0, 0, 0, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                new double[] {0, 0, 600}, 500, 200, 150);
        ByteBuffer frame = solidBgr(400, 300, 60, 60, 60);
        try (Renderer r = Renderer.onContext(400, 300, o)) {
            HudInfo hud = new HudInfo(29.97, new java.util.LinkedHashMap<>(java.util.Map.of("detect", 3.2)), "test-model");
            r.render(VideoImage.bgr(frame, 400, 300), result(400, 300, face(7, lm, null, pose, 0)), hud);
            ByteBuffer px = r.readBgr(MemoryUtil.memAlloc(400 * 300 * 3));
            // Pose: X axis (red) runs right from the principal point for an identity rotation.
            float[] axes = PoseAxes.project(pose, o.poseAxisLengthMm());
            assertEquals(200, axes[0], 1e-3);
            assertEquals(250, axes[2], 1e-3);
            int[] onX = bgrAt(px, 400, 225, 150);
            assertTrue(onX[2] > 200 && onX[1] < 80, "red X axis pixel " + java.util.Arrays.toString(onX));
            // HUD: light text pixels inside the top-left panel.
            int light = 0;
            for (int y = 6; y < 40; y++) for (int x = 6; x < 150; x++) if (luma(bgrAt(px, 400, x, y)) > 600) light++;
            assertTrue(light > 20, "HUD text drawn: " + light);
            assertEquals(0, org.lwjgl.opengl.GL33C.glGetError(), "no GL error");
            MemoryUtil.memFree(px);
        } finally {
            MemoryUtil.memFree(frame);
        }
    }

    @Test
    void unknownLayerNameIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layer.parseList("points,sparkles"));
        assertTrue(e.getMessage().contains("sparkles") && e.getMessage().contains("contours"), e.getMessage());
    }
}
