package dev.facemark.trainer.augment;

import dev.facemark.core.image.Normalization;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.SplittableRandom;

import static org.bytedeco.opencv.global.opencv_core.ALGO_HINT_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

/**
 * Brightness, contrast, gamma, blur and noise on an already normalised CHW crop. Works in [0, 1]
 * intensities (undoing and redoing the {@link Normalization}) so the numbers mean the same for
 * every normalisation. Plain Java plus one OpenCV blur: DJL's colour transforms do not run on this
 * engine. Not thread-safe (scratch Mat): one per worker.
 */
public final class Photometric implements AutoCloseable {
    private final AugmentConfig cfg;
    private final Normalization norm;
    private final int width, height;
    private final FloatPointer plane;
    private final Mat planeMat;
    private final float[] row;

    public Photometric(AugmentConfig cfg, Normalization norm, int width, int height) {
        this.cfg = cfg;
        this.norm = norm;
        this.width = width;
        this.height = height;
        this.plane = new FloatPointer((long) width * height);
        this.planeMat = new Mat(height, width, CV_32F, plane);
        this.row = new float[width * height];
    }

    /** Perturbs the {@code channels * h * w} values of {@code chw} starting at {@code off}, in place. */
    public void apply(float[] chw, int off, SplittableRandom rng) {
        if (!cfg.photometric()) return;
        float bright = CropSampler.uniform(rng, cfg.brightness());
        float contrast = 1f + CropSampler.uniform(rng, cfg.contrast());
        float gamma = (float) Math.exp(CropSampler.uniform(rng, cfg.gamma()));
        boolean blur = rng.nextDouble() < cfg.blur();
        double sigma = 0.3 + rng.nextDouble() * 1.2;
        float noise = cfg.noise() <= 0 ? 0f : (float) (rng.nextDouble() * cfg.noise());
        int n = width * height;
        for (int c = 0; c < norm.channels(); c++) {
            int base = off + c * n;
            float mean = 0f;
            for (int p = 0; p < n; p++) {
                float v = norm.invert(c, chw[base + p]) / 255f;
                v = (float) Math.pow(Math.max(v, 0f), gamma);
                chw[base + p] = v;
                mean += v;
            }
            mean /= n;
            for (int p = 0; p < n; p++) {
                float v = (chw[base + p] - mean) * contrast + mean + bright;
                chw[base + p] = v;
            }
            if (blur) blurPlane(chw, base, sigma);
            for (int p = 0; p < n; p++) {
                float v = chw[base + p];
                if (noise > 0) v += (float) (CropSampler.gauss(rng) * noise);
                v = Math.min(1f, Math.max(0f, v));
                chw[base + p] = (v - norm.mean()[c]) / norm.std()[c];
            }
        }
    }

    private void blurPlane(float[] chw, int base, double sigma) {
        int n = width * height;
        System.arraycopy(chw, base, row, 0, n);
        plane.put(row, 0, n);
        GaussianBlur(planeMat, planeMat, new Size(0, 0), sigma, sigma, BORDER_REPLICATE, ALGO_HINT_DEFAULT);
        plane.get(row, 0, n);
        System.arraycopy(row, 0, chw, base, n);
    }

    @Override
    public void close() {
        planeMat.close();
        plane.close();
    }
}
