package dev.facemark.core.detect;

import dev.facemark.core.TestPaths;
import dev.facemark.core.geom.DetectorCalibration;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real portrait turned by a known angle: the roll search finds the face at every roll in +-90 degrees,
 * with the eye line within 10 degrees of the truth and the face centre where the turn put it; plain
 * YuNet reads the eye line badly past about 45 degrees, which is why the search exists.
 */
class RollSearchDetectorTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 20, 45, 60, 75, 90, -30, -60, -90})
    void findsTheTurnedFaceWithItsRoll(int degrees) {
        try (Mat upright = TestPaths.graceHopper(); FaceDetector search = new RollSearchDetector(new YuNetDetector())) {
            Detection ref = search.detect(upright).get(0);
            float refRoll = DetectionSeed.eyeRoll(ref);
            double a = Math.toRadians(degrees);
            float[] centre = {ref.box().cx(), ref.box().cy()};
            try (Mat turned = turn(upright, a, centre)) {
                List<Detection> found = search.detect(turned);
                assertEquals(1, found.size(), degrees + " degrees: " + found);
                Detection d = found.get(0);
                double err = Math.toDegrees(Math.IEEEremainder(DetectionSeed.eyeRoll(d) - refRoll - a, 2 * Math.PI));
                assertTrue(Math.abs(err) < 10, degrees + " degrees: roll off by " + err);
                double off = Math.hypot(d.box().cx() - centre[0], d.box().cy() - centre[1]);
                assertTrue(off < 0.15 * ref.box().w(), degrees + " degrees: centre off by " + off + " px");
                DetectionSeed seed = DetectionSeed.of(d, DetectorCalibration.YUNET, true);
                assertEquals(Math.abs(degrees) < 3 ? 0 : DetectionSeed.eyeRoll(d), seed.roll(), 0.06f, "the crop turns with the face");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void anUprightFaceCostsNoExtraDetection() {
        // What the tracker pays while faces are tracked: periodic detections of upright faces run the network once.
        int[] runs = {0};
        try (Mat upright = TestPaths.graceHopper(); YuNetDetector y = new YuNetDetector();
             FaceDetector search = new RollSearchDetector(new FaceDetector() {
                 @Override public String name() { return y.name(); }
                 @Override public String parameters() { return y.parameters(); }
                 @Override public void prepare(Mat bgr) { y.prepare(bgr); }
                 @Override public List<Detection> detect() { runs[0]++; return y.detect(); }
                 @Override public void close() { }
             })) {
            assertEquals(1, search.detect(upright).size());
            assertEquals(1, runs[0], "one network run for an upright face");
        }
    }

    /** The image turned clockwise by {@code a} about its centre on a canvas that holds it; {@code p} is turned in place. */
    private static Mat turn(Mat src, double a, float[] p) {
        double c = Math.cos(a), s = Math.sin(a);
        int w = src.cols(), h = src.rows();
        int ow = (int) Math.ceil(w * Math.abs(c) + h * Math.abs(s)), oh = (int) Math.ceil(w * Math.abs(s) + h * Math.abs(c));
        double tx = (ow - 1) / 2.0 - (c * (w - 1) / 2.0 - s * (h - 1) / 2.0), ty = (oh - 1) / 2.0 - (s * (w - 1) / 2.0 + c * (h - 1) / 2.0);
        Mat out = new Mat();
        try (Mat m = new Mat(2, 3, CV_64F); Size size = new Size(ow, oh); Scalar black = new Scalar(0, 0, 0, 0)) {
            try (DoubleIndexer idx = m.createIndexer()) {
                idx.put(0, 0, c); idx.put(0, 1, -s); idx.put(0, 2, tx);
                idx.put(1, 0, s); idx.put(1, 1, c); idx.put(1, 2, ty);
            }
            warpAffine(src, out, m, size, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        float x = p[0], y = p[1];
        p[0] = (float) (c * x - s * y + tx);
        p[1] = (float) (s * x + c * y + ty);
        return out;
    }
}
