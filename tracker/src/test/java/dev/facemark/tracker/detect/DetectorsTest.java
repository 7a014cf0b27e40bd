package dev.facemark.tracker.detect;

import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.detect.HaarFace;
import dev.facemark.core.detect.YuNetFace;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.tracker.TestFiles;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.*;

class DetectorsTest {

    private static List<Detection> run(FaceDetector d, Mat img) {
        List<Detection> out = new ArrayList<>();
        d.prepare(img);
        d.detect(out);
        return out;
    }

    @Test
    void haarAndYunetFindGraceHoppersFaceInTheSamePlace() {
        try (Mat img = imread(TestFiles.grace().toString()); FaceDetector haar = Detectors.open("haar");
             FaceDetector yunet = Detectors.open("yunet:" + TestFiles.yunet())) {
            List<Detection> h = run(haar, img), y = run(yunet, img);
            assertEquals(1, h.size(), "haar: " + h);
            assertEquals(1, y.size(), "yunet: " + y);
            FaceBox hb = h.get(0).box(), yb = y.get(0).box();
            assertTrue(y.get(0).score() > 0.8f, "yunet score " + y.get(0).score());
            assertTrue(h.get(0).score() > 0f && h.get(0).score() <= 1f);
            for (FaceBox b : new FaceBox[] {hb, yb}) {
                assertTrue(b.cx() > 180 && b.cx() < 330 && b.cy() > 150 && b.cy() < 350, "face centre " + b);
                assertTrue(b.w() > 120 && b.w() < 320, "face size " + b);
            }
            assertTrue(hb.iou(yb) > 0.4f, "the two detectors agree: IoU " + hb.iou(yb));
            assertEquals("haar", haar.name());
            assertEquals("yunet", yunet.name());
            // Warm: the downscaled Haar pass must be cheap enough to rerun whenever a face is lost.
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) run(haar, img);
            double ms = (System.nanoTime() - t0) / 1e7;
            assertTrue(ms < 150, "(loose: shared CI cores) haar took " + ms + " ms per frame");
        }
    }

    /** Same faces, in the same order, with the same boxes and scores; and at least one. */
    private static void assertSameDetections(List<Detection> core, List<Detection> tracker) {
        assertFalse(core.isEmpty());
        assertEquals(core.size(), tracker.size());
        for (int i = 0; i < core.size(); i++) {
            assertEquals(core.get(i).box(), tracker.get(i).box());
            assertEquals(core.get(i).score(), tracker.get(i).score());
        }
    }

    @Test
    void theTrackersHaarIsCoresDetectorBoxForBox() {
        // The trainer calibrates and trains on core's HaarCascadeDetector; the tracker must see exactly its boxes.
        try (Mat img = imread(TestFiles.grace().toString()); FaceDetector haar = Detectors.open("haar");
             HaarCascadeDetector core = new HaarCascadeDetector()) {
            List<HaarFace> c = core.detect(img);
            assertSameDetections(c.stream().map(f -> new Detection(f.box(), f.score())).toList(), run(haar, img));
        }
    }

    @Test
    void theTrackersYuNetIsCoresDetectorBoxForBox() {
        // The trainer fits the "yunet" calibration with core's YuNetDetector; the tracker must see exactly its boxes.
        try (Mat img = imread(TestFiles.grace().toString()); FaceDetector yunet = Detectors.open("yunet:" + TestFiles.yunet());
             dev.facemark.core.detect.YuNetDetector core = new dev.facemark.core.detect.YuNetDetector(TestFiles.yunet())) {
            List<YuNetFace> c = core.detect(img);
            assertSameDetections(c.stream().map(f -> new Detection(f.box(), f.score())).toList(), run(yunet, img));
        }
    }

    @Test
    void anImageWithoutAFaceGivesNoDetections() {
        try (Mat grey = new Mat(300, 400, CV_8UC3, new Scalar(128, 128, 128, 0)); FaceDetector haar = new HaarDetector();
             FaceDetector yunet = new YuNetDetector(TestFiles.yunet())) {
            assertTrue(run(haar, grey).isEmpty());
            assertTrue(run(yunet, grey).isEmpty());
        }
    }

    @Test
    void badDetectorSpecsSayWhatToType() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> Detectors.open("ssd"));
        assertTrue(a.getMessage().contains("haar or yunet:PATH"));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> Detectors.open("yunet"));
        assertTrue(b.getMessage().contains("yunet:PATH"));
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> Detectors.open("yunet:" + Path.of("/nope/y.onnx")));
        assertTrue(c.getMessage().contains("/nope/y.onnx") && c.getMessage().contains("does not exist")
                && c.getMessage().contains("--detector yunet:PATH"), c.getMessage());
    }
}
