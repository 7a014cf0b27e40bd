package dev.facemark.tracker.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeatColoursTest {
    private static int channel(int rgba, int k) { return (rgba >>> (8 * k)) & 0xFF; }

    @Test
    void alphaIsOpacityTimesSqrtValueAboveTheFadeAndFadesToNothingBelow() {
        assertEquals(0, HeatColours.premultipliedRgba(0f, 1f));
        assertEquals(0, HeatColours.premultipliedRgba(-1f, 1f), "negative values clamp to nothing");
        assertEquals(Math.round(255 * 0.8f * 0.5f), channel(HeatColours.premultipliedRgba(0.25f, 0.8f), 3), 1);
        assertTrue(channel(HeatColours.premultipliedRgba(0.01f, 1f), 3) < 2, "a 1% tail is invisible, not sqrt(0.01) = 10%");
        assertTrue(channel(HeatColours.premultipliedRgba(0.05f, 1f), 3) < channel(HeatColours.premultipliedRgba(0.1f, 1f), 3));
        float from = HeatColours.visibleFrom(0.8f);
        assertTrue(channel(HeatColours.premultipliedRgba(from * 0.95f, 0.8f), 3) <= 2, "just below visibleFrom: about invisible");
        assertTrue(channel(HeatColours.premultipliedRgba(from * 1.05f, 0.8f), 3) >= 2, "just above: visible");
        assertEquals(255, channel(HeatColours.premultipliedRgba(1f, 1f), 3));
        assertEquals(0xFFFFFFFF, HeatColours.premultipliedRgba(1f, 1f), "peak at full opacity is opaque white");
    }

    @Test
    void colourIsPremultipliedAndBrightnessGrowsWithValue() {
        int previous = -1;
        for (int i = 0; i <= 100; i++) {
            int c = HeatColours.premultipliedRgba(i / 100f, 1f);
            int a = channel(c, 3);
            for (int k = 0; k < 3; k++) assertTrue(channel(c, k) <= a, "premultiplied: channel <= alpha at " + i);
            int brightness = channel(c, 0) + channel(c, 1) + channel(c, 2);
            assertTrue(brightness >= previous, "monotonic brightness at " + i + ": " + brightness + " < " + previous);
            previous = brightness;
        }
    }
}
