package dev.facemark.trainer.augment;

import dev.facemark.core.image.Normalization;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class OcclusionTest {
    static final int W = 64, H = 48;

    static float[] ramp(int channels) {
        float[] chw = new float[channels * W * H];
        for (int i = 0; i < chw.length; i++) chw[i] = -1f + 2f * (i % (W * H)) / (W * H); // normalised values, all distinct
        return chw;
    }

    @Test
    void offChangesNothingAndDrawsNothing() {
        float[] chw = ramp(1), before = chw.clone();
        SplittableRandom rng = new SplittableRandom(4);
        new Occlusion(0f, Normalization.GREY_UNIT, W, H).apply(chw, 0, rng);
        assertArrayEquals(before, chw);
        assertEquals(new SplittableRandom(4).nextLong(), rng.nextLong(), "an unused option must not shift the other augmentations' draws");
    }

    @Test
    void onePatchOfTheStatedSizeAndShapeInEveryChannelAndNothingElse() {
        Occlusion occ = new Occlusion(1f, Normalization.RGB_UNIT, W, H);
        int flat = 0, noisy = 0;
        for (int seed = 0; seed < 200; seed++) {
            float[] chw = ramp(3), before = chw.clone();
            occ.apply(chw, 0, new SplittableRandom(seed));
            int x0 = W, y0 = H, x1 = -1, y1 = -1, changed = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    if (chw[i] == before[i]) continue;
                    changed++;
                    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
                    for (int c = 1; c < 3; c++) assertNotEquals(before[c * W * H + i], chw[c * W * H + i], "channel " + c);
                    for (int c = 0; c < 3; c++) {
                        float v = chw[c * W * H + i];
                        assertTrue(v >= -1f && v <= 1f, "painted value " + v + " outside the normalised [0, 1] range");
                    }
                }
            }
            int w = x1 - x0 + 1, h = y1 - y0 + 1;
            assertEquals(w * h, changed, "seed " + seed + ": the patch is one filled rectangle");
            double area = (double) changed / (W * H);
            assertTrue(area >= Occlusion.MIN_AREA * 0.85 && area <= Occlusion.MAX_AREA * 1.15, "seed " + seed + ": area " + area);
            double aspect = (double) w / h;
            if (w < W && h < H) assertTrue(aspect > 0.4 && aspect < 2.5, "seed " + seed + ": aspect " + aspect);
            boolean oneValue = true;
            for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) oneValue &= chw[y * W + x] == chw[y0 * W + x0];
            if (oneValue) flat++; else noisy++;
        }
        assertTrue(flat > 60 && noisy > 60, "flat " + flat + ", noise " + noisy + " of 200: both kinds, about half each");
    }

    @Test
    void appliesAtTheGivenRateAndOffset() {
        Occlusion occ = new Occlusion(0.3f, Normalization.GREY_UNIT, W, H);
        SplittableRandom rng = new SplittableRandom(9);
        int hit = 0, n = 2000;
        for (int t = 0; t < n; t++) {
            float[] two = new float[2 * W * H];
            occ.apply(two, W * H, rng);
            for (int i = 0; i < W * H; i++) assertEquals(0f, two[i], "the sample before the offset is untouched");
            for (int i = W * H; i < two.length; i++) if (two[i] != 0f) { hit++; break; }
        }
        assertEquals(0.3, (double) hit / n, 0.04);
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Occlusion(1.5f, Normalization.GREY_UNIT, W, H));
    }
}
