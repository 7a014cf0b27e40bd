package dev.facemark.trainer.augment;

import dev.facemark.core.data.PtsFile;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.TestData;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Points follow pixels: dots drawn at landmarks are found where the augmented landmarks say. */
class AugmenterTest {
    // Mirror-closed set of well separated points: jaw ends, chin, nose tip, outer eye corners, mouth corners.
    static final int[] DOTS = {0, 16, 8, 30, 36, 45, 48, 54};
    static final int W = 128, H = 128;

    @Test
    void dotsLandWhereTransformedLandmarksSay() {
        float[] pts = PtsFile.read(TestData.afwFace(), 68);
        int[] value = new int[68];
        try (Mat img = new Mat(420, 420, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            for (int k = 0; k < DOTS.length; k++) {
                value[DOTS[k]] = 80 + 22 * k; // distinct brightness per point: tells which dot went where
                try (Point c = new Point(Math.round(pts[2 * DOTS[k]]), Math.round(pts[2 * DOTS[k] + 1]))) {
                    circle(img, c, 9, new Scalar(value[DOTS[k]], value[DOTS[k]], value[DOTS[k]], 0), FILLED, LINE_AA, 0);
                }
                // drawn at the rounded centre: use it as the truth
                pts[2 * DOTS[k]] = Math.round(pts[2 * DOTS[k]]);
                pts[2 * DOTS[k] + 1] = Math.round(pts[2 * DOTS[k] + 1]);
            }
            AugmentConfig strong = new AugmentConfig((float) Math.toRadians(25), 0.08f, 0.15f, 0.2f, 0.5f, 0.05f,
                    0, 0, 0, 0, 0, 0, 0, 0);
            int mirrored = 0, trials = 24, checked = 0;
            float[] pixels = new float[W * H];
            float[] target = new float[136];
            try (Augmenter aug = new Augmenter(BoxPolicy.DEFAULT, strong, Normalization.GREY_UNIT, PointScheme.IBUG_68, W, H)) {
                for (int t = 0; t < trials; t++) {
                    aug.render(img, pts, FaceBox.ofPoints(pts), new SplittableRandom(t), pixels, 0, target, 0);
                    for (int p : DOTS) {
                        float x = target[2 * p], y = target[2 * p + 1];
                        if (x < 9 || y < 9 || x > W - 10 || y > H - 10) continue; // dot cut by the crop edge
                        checked++;
                        double[] c = centroid(pixels, target[2 * p], target[2 * p + 1]);
                        double err = Math.hypot(c[0] - target[2 * p], c[1] - target[2 * p + 1]);
                        assertTrue(err < 0.75, "trial " + t + " point " + p + ": dot found " + err + " px from its landmark");
                    }
                    // Subject's right outer eye corner (36) stays on the image left, mirrored or not.
                    assertTrue(target[2 * 36] < target[2 * 45], "trial " + t + ": left/right permutation broken");
                    int at36 = Math.round(peak(pixels, target[72], target[73]));
                    boolean swapped = Math.abs(at36 - value[45]) < Math.abs(at36 - value[36]);
                    if (swapped) mirrored++;
                }
            }
            assertTrue(checked > trials * DOTS.length * 3 / 4, "too few dots inside the crops: " + checked);
            assertTrue(mirrored > 3 && mirrored < trials - 3, "mirror should happen about half the time, got " + mirrored + "/" + trials);
        }
    }

    @Test
    void testCropWithoutAugmentationIsTheBoxPolicyCrop() {
        float[] pts = PtsFile.read(TestData.afwFace(), 68);
        try (Mat img = new Mat(420, 420, CV_8UC3, new Scalar(50, 50, 50, 0));
             Augmenter aug = new Augmenter(BoxPolicy.DEFAULT, AugmentConfig.NONE, Normalization.GREY_UNIT, PointScheme.IBUG_68, W, H)) {
            float[] target = new float[136];
            var crop = aug.render(img, pts, FaceBox.ofPoints(pts), null, new float[W * H], 0, target, 0);
            var expected = BoxPolicy.DEFAULT.testCrop(FaceBox.ofPoints(pts), 0f, W, H);
            assertEquals(expected.toString(), crop.toString());
            float[] mapped = expected.toInput(pts);
            for (int i = 0; i < 136; i++) assertEquals(mapped[i], target[i], 1e-4);
        }
    }

    /** Brightness-weighted centre of the pixels within 7 px of (x, y). */
    static double[] centroid(float[] px, float x, float y) {
        double sx = 0, sy = 0, sw = 0;
        for (int v = (int) Math.floor(y - 7); v <= (int) Math.ceil(y + 7); v++) {
            for (int u = (int) Math.floor(x - 7); u <= (int) Math.ceil(x + 7); u++) {
                if (u < 0 || v < 0 || u >= W || v >= H) continue;
                double g = Normalization.GREY_UNIT.invert(0, px[v * W + u]);
                if (g < 20) continue;
                sx += g * u; sy += g * v; sw += g;
            }
        }
        return new double[] {sx / sw, sy / sw};
    }

    static float peak(float[] px, float x, float y) {
        int u = Math.round(x), v = Math.round(y);
        return Normalization.GREY_UNIT.invert(0, px[v * W + u]);
    }
}
