package dev.facemark.core.image;

import dev.facemark.core.geom.CropTransform;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.junit.jupiter.api.Assertions.*;

/** Training's sheared crops: the transform stays invertible and the warp still agrees with it. */
class ShearedCropTest {

    @Test
    void shearKeepsTheCentreRowAndRoundTrips() {
        CropTransform base = new CropTransform(200f, 150f, 80f, 80f, 0.2f, 64, 64);
        CropTransform s = base.withShear(0.15f);
        // Points on the input's centre row do not move; others move by k * (v - centre).
        float[] src = {150f, 120f, 230f, 190f, 200f, 150f};
        float[] q0 = base.toInput(src), q1 = s.toInput(src);
        for (int i = 0; i < src.length; i += 2) {
            assertEquals(q0[i] + 0.15f * (q0[i + 1] - 31.5f), q1[i], 1e-4f);
            assertEquals(q0[i + 1], q1[i + 1], 1e-4f);
        }
        Random r = new Random(2);
        for (int t = 0; t < 200; t++) {
            float[] p = {r.nextFloat() * 400, r.nextFloat() * 300};
            assertArrayEquals(p, s.toSource(s.toInput(p)), 1e-3f);
        }
        assertEquals(base.cropWidth(), s.cropWidth());
    }

    @Test
    void warpOfAShearedCropPutsTheDotAtToInput() {
        try (Mat src = new Mat(300, 400, CV_8UC1); Cropper cropper = new Cropper()) {
            src.put(new Scalar(0));
            try (UByteIndexer ix = src.createIndexer()) { ix.put(140, 210, 255); }
            CropTransform t = new CropTransform(204.3f, 151.7f, 30f, 30f, -0.4f, 96, 96).withShear(-0.2f);
            Mat out = cropper.warp(src, t);
            double sx = 0, sy = 0, s = 0;
            try (UByteIndexer ix = out.createIndexer()) {
                for (int y = 0; y < 96; y++) for (int x = 0; x < 96; x++) { int v = ix.get(y, x); sx += v * x; sy += v * y; s += v; }
            }
            assertTrue(s > 0);
            float[] q = t.toInput(new float[] {210, 140});
            assertEquals(q[0], sx / s, 0.15);
            assertEquals(q[1], sy / s, 0.15);
        }
    }
}
