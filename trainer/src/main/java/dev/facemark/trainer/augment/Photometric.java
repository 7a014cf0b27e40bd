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
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;

/**
 * Brightness, contrast, gamma, blur, motion blur and noise on an already normalised CHW crop. Works in [0, 1]
 * intensities (undoing and redoing the {@link Normalization}) so the numbers mean the same for
 * every normalisation. Plain Java plus one OpenCV blur: DJL's colour transforms do not run on this
 * engine. Not thread-safe (scratch Mat): one per worker.
 */
public final class Photometric implements AutoCloseable {
    /** Shortest and longest motion-blur streak, input pixels. */
    public static final int MOTION_BLUR_MIN = 3, MOTION_BLUR_MAX = 11;

    private final AugmentConfig cfg;
    private final Normalization norm;
    private final int width, height;
    private final FloatPointer plane;
    private final Mat planeMat;
    private final float[] row;
    private final FloatPointer kernel = new FloatPointer((long) MOTION_BLUR_MAX * MOTION_BLUR_MAX);
    private final Mat kernelMat = new Mat(MOTION_BLUR_MAX, MOTION_BLUR_MAX, CV_32F, kernel);
    private final float[] streak = new float[MOTION_BLUR_MAX * MOTION_BLUR_MAX];

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
        boolean motion = rng.nextDouble() < cfg.motionBlur();
        if (motion) {
            float length = MOTION_BLUR_MIN + (float) rng.nextDouble() * (MOTION_BLUR_MAX - MOTION_BLUR_MIN);
            streak(length, (float) (rng.nextDouble() * Math.PI), streak, MOTION_BLUR_MAX);
            kernel.put(streak, 0, streak.length);
        }
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
            if (motion) filterPlane(chw, base);
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

    private void filterPlane(float[] chw, int base) {
        int n = width * height;
        System.arraycopy(chw, base, row, 0, n);
        plane.put(row, 0, n);
        filter2D(planeMat, planeMat, -1, kernelMat, new org.bytedeco.opencv.opencv_core.Point(-1, -1), 0, BORDER_REPLICATE);
        plane.get(row, 0, n);
        System.arraycopy(row, 0, chw, base, n);
    }

    /**
     * A motion-blur kernel: a straight streak of {@code length} pixels through the centre of a {@code size} x
     * {@code size} kernel at {@code angle} radians, drawn by bilinear splats every quarter pixel, summing to 1.
     */
    static void streak(float length, float angle, float[] out, int size) {
        java.util.Arrays.fill(out, 0f);
        float c = (size - 1) / 2f, dx = (float) Math.cos(angle), dy = (float) Math.sin(angle), half = Math.min(length, size) / 2f;
        double total = 0;
        for (float t = -half; t <= half + 1e-4f; t += 0.25f) {
            float x = c + t * dx, y = c + t * dy;
            int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
            float fx = x - x0, fy = y - y0;
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 2; i++) {
                    int xi = x0 + i, yj = y0 + j;
                    if (xi < 0 || yj < 0 || xi >= size || yj >= size) continue;
                    float w = (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy);
                    out[yj * size + xi] += w;
                    total += w;
                }
            }
        }
        for (int k = 0; k < out.length; k++) out[k] /= (float) total;
    }

    @Override
    public void close() {
        kernelMat.close();
        kernel.close();
        planeMat.close();
        plane.close();
    }
}
