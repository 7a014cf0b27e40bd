package dev.facemark.trainer.augment;

import dev.facemark.core.image.Normalization;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The motion blur smears a point into a straight streak and keeps the image's brightness. */
class PhotometricTest {
    static final int K = Photometric.MOTION_BLUR_MAX;

    @Test
    void streakIsAStraightLineThatSumsToOne() {
        float[] k = new float[K * K];
        Photometric.streak(7, 0f, k, K); // horizontal: only the centre row
        double sum = 0;
        int c = K / 2, lit = 0;
        for (int y = 0; y < K; y++) {
            for (int x = 0; x < K; x++) {
                sum += k[y * K + x];
                if (y != c) assertEquals(0f, k[y * K + x], 1e-6f, "off the row at " + x + "," + y);
                else if (k[y * K + x] > 0) lit++;
            }
        }
        assertEquals(1.0, sum, 1e-5);
        assertTrue(lit >= 7 && lit <= 9, "a 7-pixel streak lights 7-9 pixels, got " + lit);
        Photometric.streak(7, (float) (Math.PI / 2), k, K); // vertical: only the centre column
        for (int y = 0; y < K; y++) for (int x = 0; x < K; x++) if (x != c) assertEquals(0f, k[y * K + x], 1e-6f);
    }

    @Test
    void motionBlurSpreadsADotAndKeepsItsMass() {
        int w = 32, h = 32;
        AugmentConfig onlyMotion = new AugmentConfig(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1f, 0, 0);
        float[] img = new float[w * h];
        java.util.Arrays.fill(img, -1f); // GREY_UNIT: (pixel/255 - 0.5) / 0.5, so -1 is black and 1 white
        img[16 * w + 16] = 1f;
        try (Photometric p = new Photometric(onlyMotion, Normalization.GREY_UNIT, w, h)) {
            p.apply(img, 0, new SplittableRandom(3));
        }
        double sum = 0, peak = 0;
        int lit = 0;
        for (float n : img) {
            float v = n * 0.5f + 0.5f; // back to [0, 1]
            sum += v;
            peak = Math.max(peak, v);
            if (v > 1e-4f) lit++;
        }
        assertEquals(1.0, sum, 1e-3, "blur moves brightness, it does not add or remove it");
        assertTrue(lit >= Photometric.MOTION_BLUR_MIN && peak < 0.5, "a dot becomes a streak: " + lit + " pixels, peak " + peak);
    }
}
