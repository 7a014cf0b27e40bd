package dev.facemark.core.detect;

import dev.facemark.core.TestPaths;
import dev.facemark.core.geom.FaceBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.*;

/** The one factory (tracker and trainer command lines): its spelling, and detectors that are core's own, box for box. */
class DetectorsTest {

    private static List<Detection> run(FaceDetector d, Mat img) {
        d.prepare(img);
        return d.detect();
    }

    @Test
    void haarAndYunetFindGraceHoppersFaceInTheSamePlace() {
        try (Mat img = TestPaths.graceHopper(); FaceDetector haar = Detectors.open("haar");
             FaceDetector yunet = Detectors.open("yunet:" + TestPaths.yunet())) {
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
    private static void assertSameDetections(List<Detection> direct, List<Detection> viaFactory) {
        assertFalse(direct.isEmpty());
        assertEquals(direct.size(), viaFactory.size());
        for (int i = 0; i < direct.size(); i++) {
            assertEquals(direct.get(i).box(), viaFactory.get(i).box());
            assertEquals(direct.get(i).score(), viaFactory.get(i).score());
        }
    }

    @Test
    void theFactorysHaarIsTheShippedDetectorBoxForBox() {
        // The trainer calibrates and trains on core's HaarCascadeDetector; the tracker must see exactly its boxes.
        try (Mat img = TestPaths.graceHopper(); FaceDetector haar = Detectors.open("haar");
             HaarCascadeDetector core = new HaarCascadeDetector()) {
            assertSameDetections(core.detect(img), run(haar, img));
            assertEquals(HaarCascadeDetector.describe(), haar.parameters(), "the shipped parameters");
        }
    }

    @Test
    void theFactorysYuNetIsTheShippedDetectorBoxForBox() {
        // The trainer fits the "yunet" calibration with core's YuNetDetector; the tracker must see exactly its boxes.
        try (Mat img = TestPaths.graceHopper(); FaceDetector yunet = Detectors.open("yunet:" + TestPaths.yunet());
             YuNetDetector core = new YuNetDetector(TestPaths.yunet())) {
            List<Detection> c = core.detect(img);
            assertSameDetections(c, run(yunet, img));
            assertArrayEquals(c.get(0).keypoints(), run(yunet, img).get(0).keypoints());
            assertTrue(yunet.parameters().startsWith(core.parameters()), "the shipped parameters: " + yunet.parameters());
        }
    }

    @Test
    void thePackagedYuNetIsTheSharedModelByteForByteAndBoxForBox() throws Exception {
        // The jar carries the model (Apache-2.0) so that no command needs a path; it must be the file the numbers come from.
        try (var in = YuNetDetector.class.getClassLoader().getResourceAsStream(YuNetDetector.PACKAGED);
             var licence = YuNetDetector.class.getClassLoader().getResourceAsStream("dev/facemark/core/detect/yunet_LICENSE.txt")) {
            assertNotNull(in, "packaged model");
            assertNotNull(licence, "its licence travels with it");
            assertArrayEquals(java.nio.file.Files.readAllBytes(TestPaths.yunet()), in.readAllBytes());
            assertTrue(new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("Apache License"));
        }
        try (Mat img = TestPaths.graceHopper(); FaceDetector packaged = Detectors.open("yunet");
             FaceDetector byDefault = Detectors.open(null); YuNetDetector file = new YuNetDetector(TestPaths.yunet())) {
            List<Detection> f = file.detect(img);
            assertSameDetections(f, run(packaged, img));
            assertSameDetections(f, run(byDefault, img));
            assertTrue(packaged.parameters().contains("(packaged)"), packaged.parameters());
        }
    }

    @Test
    void anImageWithoutAFaceGivesNoDetections() {
        try (Mat grey = new Mat(300, 400, CV_8UC3, new Scalar(128, 128, 128, 0)); FaceDetector haar = new HaarCascadeDetector();
             FaceDetector yunet = new YuNetDetector(TestPaths.yunet())) {
            assertTrue(run(haar, grey).isEmpty());
            assertTrue(run(yunet, grey).isEmpty());
        }
    }

    @Test
    void badDetectorSpecsSayWhatToType() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> Detectors.open("ssd"));
        assertTrue(a.getMessage().contains("yunet, haar or yunet:PATH"));
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> Detectors.open("yunet:" + Path.of("/nope/y.onnx")));
        assertTrue(c.getMessage().contains("/nope/y.onnx") && c.getMessage().contains("does not exist")
                && c.getMessage().contains("--detector yunet:PATH"), c.getMessage());
        for (String spec : new String[] {"ssd", "yunet:/nope/y.onnx"}) {
            DetectorException e = assertThrows(DetectorException.class, () -> Detectors.open(spec));
            assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        }
    }

    @Test
    void theOneSpellingParses() {
        assertEquals(new Detectors.Spec("haar", null), Detectors.parse("haar"));
        assertEquals(new Detectors.Spec("yunet", null), Detectors.parse(null), "the packaged yunet is the default");
        assertEquals(new Detectors.Spec("yunet", null), Detectors.parse("yunet"), "a bare yunet is the packaged one");
        assertEquals(new Detectors.Spec("haar", null), Detectors.parse(" Haar "));
        assertEquals(new Detectors.Spec("yunet", Path.of("/m/y.onnx")), Detectors.parse("yunet:/m/y.onnx"));
        assertEquals(new Detectors.Spec("yunet", Path.of("/m/y.onnx")), Detectors.parse("yunet:/m/y.onnx", Path.of("/d.onnx")),
                "a path given wins over the command's default");
        assertEquals(new Detectors.Spec("yunet", Path.of("/d.onnx")), Detectors.parse("yunet", Path.of("/d.onnx")),
                "a bare yunet takes the command's default model");
    }

    @Test
    void detectionsCopyTheirKeypoints() {
        FaceBox box = new FaceBox(1, 2, 3, 4);
        float[] k = new float[2 * Keypoint.COUNT];
        k[Keypoint.NOSE_TIP.x()] = 7;
        Detection d = new Detection(box, 0.5f, k);
        k[Keypoint.NOSE_TIP.x()] = 8;
        assertEquals(7, d.x(Keypoint.NOSE_TIP), "kept its own copy");
        d.keypoints()[Keypoint.NOSE_TIP.x()] = 9;
        assertEquals(7, d.x(Keypoint.NOSE_TIP), "hands out copies");
        assertEquals(new Detection(box, 0.5f, d.keypoints()), d);
        assertNotEquals(new Detection(box, 0.5f), d);
        assertThrows(IllegalStateException.class, () -> new Detection(box, 0.5f).y(Keypoint.LEFT_EYE));
        assertThrows(IllegalArgumentException.class, () -> new Detection(box, 0.5f, new float[4]));
    }
}
