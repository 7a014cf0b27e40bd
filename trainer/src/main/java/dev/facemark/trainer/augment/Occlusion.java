package dev.facemark.trainer.augment;

import dev.facemark.core.image.Normalization;

import java.util.SplittableRandom;

/**
 * Random erasing (Zhong et al. 2017) for faces: with probability {@code p}, one rectangle of 4-25% of the crop's area
 * (aspect 1:2 to 2:1, anywhere in the crop) is painted over, half the time in one flat random grey, half the time in
 * uniform noise: what a hand, a cup or a microphone does to a webcam face. The targets stay where the face's points
 * are, so the net learns to place hidden points from the visible ones. Works on the normalised CHW crop.
 */
public final class Occlusion {
    /** Smallest and largest share of the crop's area one patch covers. */
    public static final float MIN_AREA = 0.04f, MAX_AREA = 0.25f;

    private final float p;
    private final Normalization norm;
    private final int width, height;

    public Occlusion(float p, Normalization norm, int width, int height) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("occlusion probability must be in [0, 1], got " + p);
        this.p = p;
        this.norm = norm;
        this.width = width;
        this.height = height;
    }

    /** Paints the patch into the {@code channels * height * width} values at {@code off}, or draws nothing when off. */
    public void apply(float[] chw, int off, SplittableRandom rng) {
        if (p <= 0 || rng.nextDouble() >= p) return;
        double area = (MIN_AREA + rng.nextDouble() * (MAX_AREA - MIN_AREA)) * width * height;
        Patch patch = Patch.inside(0, 0, width, height, area, rng);
        int x0 = (int) Math.round(patch.x()), y0 = (int) Math.round(patch.y());
        int w = (int) Math.max(1, Math.min(width - x0, Math.round(patch.w())));
        int h = (int) Math.max(1, Math.min(height - y0, Math.round(patch.h())));
        boolean flat = rng.nextBoolean();
        float grey = (float) rng.nextDouble();
        int n = width * height;
        for (int c = 0; c < norm.channels(); c++) {
            float mean = norm.mean()[c], std = norm.std()[c];
            for (int y = y0; y < y0 + h; y++) {
                int row = off + c * n + y * width;
                for (int x = x0; x < x0 + w; x++) {
                    float v = flat ? grey : (float) rng.nextDouble();
                    chw[row + x] = (v - mean) / std;
                }
            }
        }
    }
}
