package dev.facemark.core.runtime;

import dev.facemark.core.TestPaths;
import dev.facemark.core.detect.Detection;
import dev.facemark.core.detect.DetectionSeed;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped models' calibrated confidence on real images: high on the public-domain portraits,
 * cropped as the tracker crops them (the detector's seed, then one refinement from the landmarks),
 * and low on crops of the same size with no face in them (the portraits' own backgrounds, a uniform
 * frame).
 */
class ConfidenceOnRealImagesTest {

    /**
     * Least confidence on a clean portrait, and most on a crop without a face, per shipped model. With the
     * several-feature confidence, on Grace Hopper / the astronaut: fast (width 1.0, session 12) 0.989 / 0.996, lite (the
     * width-0.5 default before it) 0.997 / 0.935, accurate (width 1.5, session 12) 0.997 / 0.994; the background crops
     * read 0.000-0.034.
     */
    static float faceFloor(String model) { return model.equals("accurate") ? 0.95f : 0.85f; }
    static final float NO_FACE_CEILING = 0.1f;

    @ParameterizedTest
    @ValueSource(strings = {"fast", "lite", "accurate"})
    void highOnPortraitsLowWithoutAFace(String name) {
        Path file = TestPaths.root().resolve("models/" + name + ".onnx");
        List<String> report = new ArrayList<>();
        try (LandmarkModel model = LandmarkModel.open(file, RuntimeOptions.cpu(1)); FaceDetector yunet = Detectors.open(Detectors.YUNET)) {
            for (String sample : new String[] {"grace_hopper.jpg", "astronaut.png"}) {
                try (Mat img = imread(TestPaths.shared().resolve("samples/" + sample).toString())) {
                    List<Detection> found = yunet.detect(img);
                    assertEquals(1, found.size(), sample + ": one face");
                    DetectionSeed seed = DetectionSeed.of(found.get(0), model.contract().calibration(yunet.name()), true);
                    CropTransform first = model.cropFor(seed.box(), seed.roll());
                    float[] points = model.predict(img, List.of(first)).landmarks(0).clone();
                    CropTransform tracked = model.cropFromLandmarks(points, true);
                    Predictions p = model.predict(img, List.of(tracked));
                    assertTrue(p.calibrated(), name + " carries a confidence calibration");
                    assertNotNull(model.featureConfidence(), name + " carries the several-feature confidence");
                    float face = p.confidence(0);
                    report.add(String.format(Locale.ROOT, "%s face %.3f", sample, face));
                    assertTrue(face >= faceFloor(name), name + " on " + sample + ": confidence " + face + " under " + faceFloor(name));

                    // The same crop moved to each corner of the photo: background only.
                    float side = tracked.cropWidth();
                    FaceBox faceBox = FaceBox.ofPoints(p.landmarks(0));
                    float[][] corners = {{side / 2, side / 2}, {img.cols() - side / 2, side / 2}};
                    for (float[] c : corners) {
                        if (Math.abs(c[0] - faceBox.cx()) < side && Math.abs(c[1] - faceBox.cy()) < side) continue; // overlaps the face
                        CropTransform bg = tracked.shifted(c[0] - tracked.centreX(), c[1] - tracked.centreY());
                        float none = model.predict(img, List.of(bg)).confidence(0);
                        report.add(String.format(Locale.ROOT, "%s background %.3f", sample, none));
                        assertTrue(none <= NO_FACE_CEILING, name + " on the background of " + sample + " at " + c[0] + "," + c[1] + ": " + none);
                    }
                }
            }
            try (Mat grey = new Mat(480, 640, CV_8UC3, new Scalar(128, 128, 128, 0))) {
                float none = model.predict(grey, List.of(CropTransform.square(320, 240, 200, model.contract().inputWidth(),
                        model.contract().inputHeight()))).confidence(0);
                report.add(String.format(Locale.ROOT, "uniform %.3f", none));
                assertTrue(none <= NO_FACE_CEILING, name + " on a uniform frame: " + none);
            }
        }
        System.out.println(name + ": " + report);
    }
}
