package dev.facemark.core.image;

import dev.facemark.core.geom.CropTransform;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.*;

/** The warp the models see must agree with the point transform: a dot in the source lands at toInput(dot). */
class CropperTest {

    /** Brightest pixel and intensity centroid {bx, by, cx, cy} of a 1-channel image. */
    private static double[] brightest(Mat m) {
        int bx = 0, by = 0, best = -1;
        double sx = 0, sy = 0, s = 0;
        try (UByteIndexer ix = m.createIndexer()) {
            for (int y = 0; y < m.rows(); y++) {
                for (int x = 0; x < m.cols(); x++) {
                    int v = ix.get(y, x);
                    if (v > best) { best = v; bx = x; by = y; }
                    sx += v * x; sy += v * y; s += v;
                }
            }
        }
        assertTrue(s > 0, "crop is all black: the dot is not in it");
        return new double[] {bx, by, sx / s, sy / s};
    }

    private static void checkDot(int dotX, int dotY, CropTransform t, double centroidTol) {
        checkDot(dotX, dotY, t, centroidTol, 0.5);
    }

    private static void checkDot(int dotX, int dotY, CropTransform t, double centroidTol, double brightestTol) {
        try (Mat src = new Mat(480, 640, CV_8UC1); Cropper cropper = new Cropper()) {
            src.put(new org.bytedeco.opencv.opencv_core.Scalar(0));
            try (UByteIndexer ix = src.createIndexer()) { ix.put(dotY, dotX, 255); }
            Mat out = cropper.warp(src, t);
            assertEquals(t.width(), out.cols());
            assertEquals(t.height(), out.rows());
            double[] b = brightest(out);
            float[] q = t.toInput(new float[] {dotX, dotY});
            assertEquals(q[0], b[0], brightestTol + 1e-6, "brightest x for " + t);
            assertEquals(q[1], b[1], brightestTol + 1e-6, "brightest y for " + t);
            assertEquals(q[0], b[2], centroidTol, "centroid x for " + t);
            assertEquals(q[1], b[3], centroidTol, "centroid y for " + t);
        }
    }

    @Test
    void dotLandsAtToInputInAnUpscaledAxisAlignedCrop() {
        // 30 source px onto 96 input px: the dot becomes a tent about 3 px wide.
        checkDot(300, 200, new CropTransform(303.3f, 197.1f, 30f, 30f, 0f, 96, 96), 0.1);
        // Non-square input and crop.
        checkDot(301, 203, new CropTransform(297.8f, 205.4f, 40f, 24f, 0f, 128, 64), 0.1);
    }

    @Test
    void dotLandsOnThePixelToInputNamesInARotatedCrop() {
        // Choose the crop centre so the dot must land on the centre of input pixel (47, 45).
        Random rnd = new Random(7);
        for (int i = 0; i < 20; i++) {
            double angle = (rnd.nextDouble() * 2 - 1) * Math.PI;
            double s = 32.0 / 96, ux = (47 - 47.5) * s, uy = (45 - 47.5) * s;
            float cx = (float) (320 - (Math.cos(angle) * ux - Math.sin(angle) * uy));
            float cy = (float) (240 - (Math.sin(angle) * ux + Math.cos(angle) * uy));
            CropTransform t = new CropTransform(cx, cy, 32f, 32f, (float) angle, 96, 96);
            float[] q = t.toInput(new float[] {320, 240});
            assertEquals(47f, q[0], 1e-3f);
            assertEquals(45f, q[1], 1e-3f);
            checkDot(320, 240, t, 0.12);
        }
    }

    @Test
    void dotLandsAtToInputInARotatedCropAtAnyOffset() {
        // Off-grid targets: the rotated bilinear spot is not separable, so its brightest pixel can be
        // up to one pixel off along an axis; its centroid still sits at toInput.
        Random rnd = new Random(11);
        for (int i = 0; i < 20; i++) {
            float angle = (float) ((rnd.nextDouble() * 2 - 1) * Math.PI);
            float cx = 320 + rnd.nextFloat() * 10 - 5, cy = 240 + rnd.nextFloat() * 10 - 5;
            checkDot(320, 240, new CropTransform(cx, cy, 32f, 40f, angle, 96, 120), 0.12, 1.0);
        }
    }

    @Test
    void dotLandsAtToInputWhenTheCropShrinksAndIsBlurredFirst() {
        // 400 source px onto 64: the Cropper low-passes a region of interest before warping, which
        // shifts its matrix; the dot must still land at toInput (centroid of the blurred spot).
        try (Mat src = new Mat(480, 640, CV_8UC1); Cropper cropper = new Cropper()) {
            src.put(new org.bytedeco.opencv.opencv_core.Scalar(0));
            // A 9x9 block, so the blurred spot survives the 6x shrink.
            try (UByteIndexer ix = src.createIndexer()) {
                for (int y = 296; y <= 304; y++) for (int x = 396; x <= 404; x++) ix.put(y, x, 255);
            }
            CropTransform t = new CropTransform(350.7f, 260.2f, 400f, 400f, 0.3f, 64, 64);
            double[] b = brightest(cropper.warp(src, t));
            float[] q = t.toInput(new float[] {400f, 300f});
            assertEquals(q[0], b[2], 0.2, "centroid x");
            assertEquals(q[1], b[3], 0.2, "centroid y");
            assertEquals(q[0], b[0], 1.0, "brightest x");
            assertEquals(q[1], b[1], 1.0, "brightest y");
        }
    }

    @Test
    void aCropTheSizeOfTheImageIsTheImage() {
        // Pixel-centre convention: centre (W/2 - 0.5, H/2 - 0.5), side W -> the identity warp.
        try (Mat src = new Mat(48, 64, CV_8UC1); Cropper cropper = new Cropper()) {
            Random rnd = new Random(3);
            try (UByteIndexer ix = src.createIndexer()) {
                for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) ix.put(y, x, rnd.nextInt(256));
            }
            Mat out = cropper.warp(src, new CropTransform(31.5f, 23.5f, 64f, 48f, 0f, 64, 48));
            try (UByteIndexer a = src.createIndexer(); UByteIndexer b = out.createIndexer()) {
                for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) assertEquals(a.get(y, x), b.get(y, x), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void cropIntoWritesNormalisedRgbPlanes() {
        // A uniform BGR image (10, 20, 30): the R plane must hold 30, G 20, B 10 after normalisation.
        try (Mat src = new Mat(20, 20, CV_8UC3); Cropper cropper = new Cropper()) {
            src.put(new org.bytedeco.opencv.opencv_core.Scalar(10, 20, 30, 0));
            float[] chw = cropper.crop(src, CropTransform.square(9.5f, 9.5f, 10f, 8, 8), Normalization.RGB_UNIT);
            assertEquals(3 * 64, chw.length);
            assertEquals(Normalization.RGB_UNIT.apply(0, 30), chw[0], 1e-6f);
            assertEquals(Normalization.RGB_UNIT.apply(1, 20), chw[64], 1e-6f);
            assertEquals(Normalization.RGB_UNIT.apply(2, 10), chw[128 + 63], 1e-6f);
            float[] grey = cropper.crop(src, CropTransform.square(9.5f, 9.5f, 10f, 8, 8), Normalization.GREY_UNIT);
            assertEquals(64, grey.length);
            // OpenCV BT.601 luma of (R30, G20, B10): 0.299*30 + 0.587*20 + 0.114*10 = 21.85 -> 22.
            assertEquals(Normalization.GREY_UNIT.apply(0, 22), grey[10], 1e-6f);
        }
    }

    @Test
    void normalizationInvertsApply() {
        Normalization n = new Normalization(3, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
        for (int c = 0; c < 3; c++) for (int p = 0; p < 256; p += 17) assertEquals(p, n.invert(c, n.apply(c, p)), 1e-3f);
        assertThrows(IllegalArgumentException.class, () -> new Normalization(2, new float[2], new float[] {1, 1}));
    }
}
