package dev.facemark.tracker.render;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.tracker.face.FaceHeatmaps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.facemark.tracker.render.GlTestSupport.headlessOrFail;
import static org.junit.jupiter.api.Assertions.*;

class HeatmapOverlayTest {
    private static GlContext ctx;

    @BeforeAll
    static void gl() { ctx = headlessOrFail(); }

    @AfterAll
    static void done() { if (ctx != null) ctx.close(); }

    private static FaceHeatmaps oneSpot(int size, int px, int py, double sigma) {
        float[] maps = new float[size * size];
        for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) {
            double d2 = (x - px) * (x - px) + (y - py) * (y - py);
            maps[y * size + x] = (float) Math.exp(-d2 / (2 * sigma * sigma));
        }
        return new FaceHeatmaps(maps, 1, size, size, CropTransform.square(100, 100, 128, 128, 128));
    }

    @Test
    void onlyTheVisiblePartOfTheMapIsDrawnAndItHoldsThePeak() {
        RenderOptions o = new RenderOptions().setHeatmapOpacity(1f).setHeatmapMode(HeatmapMode.MAX);
        try (HeatmapOverlay overlay = new HeatmapOverlay()) {
            FaceHeatmaps hm = oneSpot(64, 40, 12, 1.5);
            assertNotNull(overlay.reduce(hm, HeatmapOverlay.selection(o, 1), o));
            int[] b = overlay.visibleTexels();
            assertTrue(b[0] <= 40 && 40 < b[2] && b[1] <= 12 && 12 < b[3], "peak inside the box " + java.util.Arrays.toString(b));
            assertTrue(b[2] - b[0] < 20 && b[3] - b[1] < 20, "a sharp spot is drawn as a small box, not the whole map: "
                    + java.util.Arrays.toString(b));
            // Every texel left out would be drawn with alpha below 2/255.
            float[] v = overlay.reduce(hm, HeatmapOverlay.selection(o, 1), o);
            for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) {
                boolean inside = x >= b[0] && x < b[2] && y >= b[1] && y < b[3];
                if (!inside) assertTrue(channelAlpha(v[y * 64 + x]) < 2, "visible texel cut at " + x + "," + y);
            }
        }
    }

    @Test
    void fullResolutionMapsArePooledKeepingTheirPeak() {
        RenderOptions o = new RenderOptions().setHeatmapOpacity(1f).setHeatmapMode(HeatmapMode.MAX);
        try (HeatmapOverlay overlay = new HeatmapOverlay()) {
            // A UNet-sized 128x128 map with a one-texel spike: max pooling must keep it at full value.
            FaceHeatmaps hm = oneSpot(128, 81, 25, 0.4);
            float[] v = overlay.reduce(hm, HeatmapOverlay.selection(o, 1), o);
            assertArrayEquals(new int[] {64, 64}, overlay.reducedSize());
            assertEquals(64 * 64, v.length);
            assertEquals(1f, v[12 * 64 + 40], 1e-6f, "the spike lands in its pooled texel (81/2, 25/2) at full value");
            int[] b = overlay.visibleTexels();
            assertTrue(b[0] <= 40 && 40 < b[2] && b[1] <= 12 && 12 < b[3], java.util.Arrays.toString(b));
            // A 28x28 map is left as it is.
            overlay.reduce(oneSpot(28, 5, 5, 1), HeatmapOverlay.selection(o, 1), o);
            assertArrayEquals(new int[] {28, 28}, overlay.reducedSize());
        }
    }

    @Test
    void poolFactorTilesTheCropExactly() {
        assertEquals(1, HeatmapOverlay.poolFactor(28, 28));
        assertEquals(1, HeatmapOverlay.poolFactor(64, 64));
        assertEquals(2, HeatmapOverlay.poolFactor(128, 128));
        assertEquals(4, HeatmapOverlay.poolFactor(256, 192));
        assertEquals(3, HeatmapOverlay.poolFactor(144, 96));
        assertEquals(1, HeatmapOverlay.poolFactor(127, 127), "a prime side would pool to a single texel: left alone");
    }

    private static int channelAlpha(float value) {
        return HeatColours.premultipliedRgba(value, 1f) >>> 24;
    }

    @Test
    void allZeroMapsDrawNothing() {
        RenderOptions o = new RenderOptions();
        try (HeatmapOverlay overlay = new HeatmapOverlay()) {
            FaceHeatmaps hm = new FaceHeatmaps(new float[16 * 16], 1, 16, 16, CropTransform.square(50, 50, 64, 64, 64));
            assertNull(overlay.reduce(hm, HeatmapOverlay.selection(o, 1), o));
        }
    }
}
