package dev.facemark.core.detect;

import dev.facemark.core.TestPaths;
import dev.facemark.core.geom.FaceBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.*;

/** The one Haar detector (tracker and trainer): real cascade from the OpenCV jar on the public-domain photo. */
class HaarCascadeDetectorTest {

    @Test
    void findsGraceHoppersFaceInSourcePixels() {
        try (Mat img = TestPaths.graceHopper(); HaarCascadeDetector haar = new HaarCascadeDetector()) {
            List<Detection> faces = haar.detect(img);
            assertEquals(1, faces.size(), "faces " + faces);
            Detection f = faces.get(0);
            FaceBox b = f.box();
            // 512x600 photo, face around (255, 250): in source pixels although the cascade ran on <= 200 px.
            assertTrue(b.cx() > 180 && b.cx() < 330 && b.cy() > 150 && b.cy() < 350, "face centre " + b);
            assertTrue(b.w() > 120 && b.w() < 320 && Math.abs(b.w() - b.h()) < 1e-3f, "square face box " + b);
            // At least MIN_NEIGHBOURS raw detections merged into the box (the score grows with their number).
            assertTrue(f.score() >= HaarCascadeDetector.score(HaarCascadeDetector.MIN_NEIGHBOURS), "score " + f.score());
            assertTrue(f.score() > 0f && f.score() <= 1f, "score " + f.score());
            assertFalse(f.hasKeypoints(), "the cascade finds no keypoints");
        }
    }

    @Test
    void boxesScaleWithTheSourceAndGreyInputGivesTheSameFace() {
        try (Mat img = TestPaths.graceHopper(); Mat big = new Mat(); Mat grey = new Mat(); Size twice = new Size(img.cols() * 2, img.rows() * 2);
             HaarCascadeDetector haar = new HaarCascadeDetector()) {
            resize(img, big, twice, 0, 0, INTER_LINEAR);
            cvtColor(img, grey, COLOR_BGR2GRAY);
            FaceBox a = haar.detect(img).get(0).box();
            List<Detection> onBig = haar.detect(big), onGrey = haar.detect(grey);
            assertEquals(1, onBig.size(), "faces on the 2x image " + onBig);
            FaceBox b = onBig.get(0).box();
            // Same downscaled frame either way, so the box doubles (up to the half-pixel convention and resampling).
            assertEquals(2 * a.cx(), b.cx(), 0.03f * a.w() * 2, "centre x " + a + " vs " + b);
            assertEquals(2 * a.cy(), b.cy(), 0.03f * a.w() * 2, "centre y " + a + " vs " + b);
            assertEquals(2 * a.w(), b.w(), 0.08f * a.w() * 2, "width " + a + " vs " + b);
            assertEquals(1, onGrey.size());
            assertTrue(onGrey.get(0).box().iou(a) > 0.9f, "grey " + onGrey.get(0).box() + " vs " + a);
        }
    }

    @Test
    void aPlainImageHasNoFaces() {
        try (Mat plain = new Mat(300, 400, CV_8UC3, new Scalar(128, 128, 128, 0)); HaarCascadeDetector haar = new HaarCascadeDetector()) {
            assertTrue(haar.detect(plain).isEmpty());
        }
    }

    @Test
    void parametersAreTheTrackersAndNamedForProvenance() {
        assertTrue(HaarCascadeDetector.cascadeFile().isFile());
        String d = HaarCascadeDetector.describe();
        assertTrue(d.contains("haarcascade_frontalface_alt2.xml") && d.contains("max_side=200") && d.contains("min_face=30")
                && d.contains("scale_step=1.2") && d.contains("min_neighbours=3"), d);
        try (HaarCascadeDetector shipped = new HaarCascadeDetector(); HaarCascadeDetector big = new HaarCascadeDetector(320)) {
            assertEquals("haar", shipped.name(), "the key of the haar calibration");
            assertEquals(d, shipped.parameters());
            assertTrue(big.parameters().contains("max_side=320"), big.parameters());
        }
    }
}
