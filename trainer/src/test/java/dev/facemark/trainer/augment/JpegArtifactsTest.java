package dev.facemark.trainer.augment;

import dev.facemark.core.image.Normalization;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class JpegArtifactsTest {
    static final int W = 64, H = 64;

    /** A face-like test card: a smooth vertical ramp with a sharp bright disc, per channel a little shifted. */
    static float[] card(Normalization norm) {
        int n = W * H;
        float[] chw = new float[norm.channels() * n];
        for (int c = 0; c < norm.channels(); c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int v = 40 + 2 * y + 10 * c;
                    if ((x - 30) * (x - 30) + (y - 34) * (y - 34) < 200) v = 230;
                    chw[c * n + y * W + x] = norm.apply(c, v);
                }
            }
        }
        return chw;
    }

    @Test
    void offChangesNothingAndDrawsNothing() {
        float[] chw = card(Normalization.GREY_UNIT), before = chw.clone();
        SplittableRandom rng = new SplittableRandom(2);
        try (JpegArtifacts jpeg = new JpegArtifacts(0f, Normalization.GREY_UNIT, W, H)) {
            jpeg.apply(chw, 0, rng);
        }
        assertArrayEquals(before, chw);
        assertEquals(new SplittableRandom(2).nextLong(), rng.nextLong());
    }

    @Test
    void lowQualityJpegLeavesArtefactsButKeepsTheImage() {
        for (Normalization norm : new Normalization[] {Normalization.GREY_UNIT, Normalization.RGB_UNIT}) {
            try (JpegArtifacts jpeg = new JpegArtifacts(1f, norm, W, H)) {
                for (int seed = 0; seed < 5; seed++) {
                    float[] chw = card(norm), before = chw.clone();
                    jpeg.apply(chw, 0, new SplittableRandom(seed));
                    double sum = 0, max = 0;
                    for (int c = 0; c < norm.channels(); c++) {
                        for (int i = 0; i < W * H; i++) {
                            int k = c * W * H + i;
                            double d = Math.abs(norm.invert(c, chw[k]) - norm.invert(c, before[k]));
                            sum += d;
                            max = Math.max(max, d);
                            assertTrue(norm.invert(c, chw[k]) > -0.5f && norm.invert(c, chw[k]) < 255.5f, "decoded value in 0-255");
                        }
                    }
                    double mean = sum / chw.length;
                    // Quality 15-60 on this card: ringing around the disc's edge, the ramp nearly intact.
                    assertTrue(max >= 8, norm.channels() + " channels, seed " + seed + ": no visible artefact (largest change " + max + ")");
                    assertTrue(mean > 0.3 && mean < 12, norm.channels() + " channels, seed " + seed + ": mean change " + mean + " grey levels");
                }
            }
        }
    }

    @Test
    void worksAtAnOffsetAndLeavesTheRestAlone() {
        Normalization norm = Normalization.GREY_UNIT;
        float[] one = card(norm);
        float[] two = new float[2 * W * H];
        System.arraycopy(one, 0, two, W * H, W * H);
        float[] first = two.clone();
        try (JpegArtifacts a = new JpegArtifacts(1f, norm, W, H); JpegArtifacts b = new JpegArtifacts(1f, norm, W, H)) {
            a.apply(two, W * H, new SplittableRandom(1));
            for (int i = 0; i < W * H; i++) assertEquals(first[i], two[i]);
            b.apply(one, 0, new SplittableRandom(1));
        }
        for (int i = 0; i < W * H; i++) assertEquals(one[i], two[W * H + i], "same seed, same result at any offset");
    }

    @Test
    void theKeptEncoderCodesEachCropAsAFreshOneWould() {
        Normalization norm = Normalization.GREY_UNIT;
        try (JpegArtifacts kept = new JpegArtifacts(1f, norm, W, H)) {
            for (int seed = 0; seed < 6; seed++) {
                float[] reused = card(norm), fresh = card(norm);
                kept.apply(reused, 0, new SplittableRandom(seed));
                try (JpegArtifacts once = new JpegArtifacts(1f, norm, W, H)) {
                    once.apply(fresh, 0, new SplittableRandom(seed));
                }
                assertArrayEquals(fresh, reused, "seed " + seed + ": the quality of an earlier crop leaked into this one");
            }
        }
    }
}
