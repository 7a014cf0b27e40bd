package dev.facemark.core.geom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pixel centres of a coarse grid land in the middle of the fine pixels they cover, and the map inverts. */
class PixelCentresTest {
    @Test
    void heatmapCentresSitInTheMiddleOfTheirInputBlocks() {
        // A 28-pixel heatmap over a 112-pixel input: heatmap pixel 0 covers input pixels 0..3, centre 1.5.
        assertEquals(1.5f, PixelCentres.map(0, 28, 112), 1e-6f);
        assertEquals(109.5f, PixelCentres.map(27, 28, 112), 1e-6f);
        assertEquals(-0.5f, PixelCentres.map(-0.5f, 28, 112), 1e-6f, "the grid's edge stays the edge");
        for (float c : new float[] {-0.5f, 0f, 3.25f, 27f}) assertEquals(c, PixelCentres.map(PixelCentres.map(c, 28, 112), 112, 28), 1e-5f);
        assertEquals(5f, PixelCentres.map(5, 64, 64), 0f, "same grid: identity");
    }
}
