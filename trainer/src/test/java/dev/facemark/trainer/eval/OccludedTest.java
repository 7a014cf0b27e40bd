package dev.facemark.trainer.eval;

import dev.facemark.core.geom.FaceBox;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.*;

class OccludedTest {
    static final FaceBox BOX = new FaceBox(40, 30, 100, 120);

    @Test
    void thePatchCoversTheShareInsideTheBoxAndDependsOnlyOnTheFace() {
        int differ = 0;
        for (long face = 0; face < 300; face++) {
            int[] p = Occluded.patch(BOX, 0.3, face);
            assertArrayEquals(p, Occluded.patch(BOX, 0.3, face), "face " + face + ": the same patch every time");
            if (face > 0 && !java.util.Arrays.equals(p, Occluded.patch(BOX, 0.3, face - 1))) differ++;
            assertTrue(p[0] >= BOX.x() - 1 && p[1] >= BOX.y() - 1, "face " + face + " starts inside the box");
            assertTrue(p[0] + p[2] <= BOX.x() + BOX.w() + 1 && p[1] + p[3] <= BOX.y() + BOX.h() + 1, "face " + face + " ends inside the box");
            double share = (double) p[2] * p[3] / BOX.area();
            assertEquals(0.3, share, 0.03, "face " + face + ": share of the box");
            assertTrue(p[4] >= 40 && p[4] < 216, "grey " + p[4]);
        }
        assertTrue(differ > 290, "faces get their own patches: " + differ);
        assertThrows(IllegalArgumentException.class, () -> Occluded.patch(BOX, 0, 1));
    }

    @Test
    void paintsExactlyThePatch() {
        try (Mat img = new Mat(200, 180, CV_8UC3, new Scalar(7, 7, 7, 0))) {
            Occluded.paint(img, BOX, 0.25, 5);
            int[] p = Occluded.patch(BOX, 0.25, 5);
            int painted = 0;
            try (UByteIndexer idx = img.createIndexer()) {
                for (int y = 0; y < img.rows(); y++) {
                    for (int x = 0; x < img.cols(); x++) {
                        boolean inside = x >= p[0] && x < p[0] + p[2] && y >= p[1] && y < p[1] + p[3];
                        for (int c = 0; c < 3; c++) assertEquals(inside ? p[4] : 7, idx.get(y, x, c), "pixel " + x + "," + y);
                        if (inside) painted++;
                    }
                }
            }
            assertEquals(p[2] * p[3], painted);
        }
    }
}
