package dev.facemark.tracker.track;

import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.runtime.FixtureModels;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.smooth.SmoothingParams;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.*;

/** Two real faces (the portrait twice, side by side) drifting across the frame, then one leaving. */
class FaceTrackerTest {
    @TempDir Path tmp;

    @Test
    void twoFacesKeepTheirIdsAndALostFaceIsDroppedWithoutNewIds() {
        TrackerParams params = TrackerParams.DEFAULT.withDetectEvery(2);
        try (Mat grace = imread(TestFiles.grace().toString());
             Mat pair = new Mat(600, 1024, CV_8UC3, new Scalar(50, 50, 50, 0));
             Mat frame = new Mat(); Mat shift = new Mat(2, 3, CV_64F);
             LandmarkModel model = LandmarkModel.open(Models.fixture(tmp), RuntimeOptions.cpu(1));
             HaarCascadeDetector haar = new HaarCascadeDetector(320);
             FaceTracker tracker = new FaceTracker(model, haar, params, new StageTimer())) {
            try (Rect l = new Rect(0, 0, 512, 600); Rect r = new Rect(512, 0, 512, 600); Mat lv = pair.apply(l); Mat rv = pair.apply(r)) {
                grace.copyTo(lv);
                grace.copyTo(rv);
            }
            Map<Integer, Boolean> sideOfId = new HashMap<>(); // id -> is on the left
            for (int i = 0; i < 20; i++) {
                translate(pair, frame, shift, 2f * i, 1f * i);
                FrameResult res = tracker.process(frame, i, i * 40.0, null);
                assertEquals(2, res.faces().size(), "frame " + i + ": " + res.faces());
                for (TrackedFace f : res.faces()) {
                    boolean left = f.box().cx() < 512 + 2 * i;
                    Boolean before = sideOfId.putIfAbsent(f.id(), left);
                    if (before != null) assertEquals(before, left, "id " + f.id() + " changed face at frame " + i);
                    assertEquals(136, f.landmarks().length);
                }
            }
            assertEquals(2, sideOfId.size(), "two ids: " + sideOfId);
            assertTrue(tracker.detectionRuns() >= 9 && tracker.detectionRuns() <= 11, "every 2nd frame: " + tracker.detectionRuns());
            int leftId = sideOfId.entrySet().stream().filter(Map.Entry::getValue).findFirst().orElseThrow().getKey();
            // The right face leaves: grey it out. Its track is dropped; the left one keeps its id.
            try (Rect r = new Rect(512, 0, 512, 600); Mat rv = pair.apply(r)) { rv.put(new Scalar(50, 50, 50, 0)); }
            FrameResult last = null;
            for (int i = 20; i < 45; i++) {
                translate(pair, frame, shift, 40, 20);
                last = tracker.process(frame, i, i * 40.0, null);
                for (TrackedFace f : last.faces()) assertTrue(sideOfId.containsKey(f.id()), "no new id at frame " + i + ": " + f.id());
            }
            assertEquals(1, last.faces().size(), "the right face is gone: " + last.faces());
            assertEquals(leftId, last.faces().get(0).id());
            assertEquals(1, tracker.activeTracks());
        }
    }

    @Test
    void resetForgetsFacesAndRestartsIds() {
        try (Mat grace = imread(TestFiles.grace().toString());
             LandmarkModel model = LandmarkModel.open(Models.fixture(tmp), RuntimeOptions.cpu(1));
             HaarCascadeDetector haar = new HaarCascadeDetector();
             FaceTracker tracker = new FaceTracker(model, haar, TrackerParams.DEFAULT, new StageTimer())) {
            assertEquals(1, tracker.process(grace, 0, 0, "a.jpg").faces().get(0).id());
            tracker.reset();
            FrameResult r = tracker.process(grace, 1, 0, "b.jpg");
            assertEquals(1, r.faces().get(0).id());
            assertTrue(r.faces().get(0).fromDetector());
            assertEquals("b.jpg", r.source());
        }
    }

    @Test
    void heatmapModelsGiveConfidenceAndMapsAndLowConfidenceMeansLost() {
        ModelContract c = FixtureModels.contract("heat", 64, 1, OutputKind.HEATMAPS, 16);
        Path heat = FixtureModels.heatmap(tmp.resolve("heat.onnx"), c);
        try (Mat grace = imread(TestFiles.grace().toString());
             LandmarkModel model = LandmarkModel.open(heat, RuntimeOptions.cpu(1));
             HaarCascadeDetector haar = new HaarCascadeDetector()) {
            try (FaceTracker keep = new FaceTracker(model, haar, TrackerParams.DEFAULT.withMinScore(0f).withHeatmaps(true), new StageTimer())) {
                TrackedFace f = keep.process(grace, 0, 0, null).faces().get(0);
                assertNotNull(f.pointScores());
                assertEquals(68, f.pointScores().length);
                assertNotNull(f.heatmaps());
                assertEquals(16, f.heatmaps().width());
                float mean = 0;
                for (float s : f.pointScores()) mean += s / 68;
                assertEquals(mean, f.score(), 1e-4f, "face score = mean point confidence");
            }
            try (FaceTracker strict = new FaceTracker(model, haar, TrackerParams.DEFAULT.withMinScore(1.01f), new StageTimer())) {
                for (int i = 0; i < 4; i++) assertTrue(strict.process(grace, i, i * 40.0, null).faces().isEmpty(), "never confident enough");
                assertEquals(4, strict.detectionRuns(), "a lost face sends the tracker back to the detector every frame");
            }
        }
    }

    /**
     * A face that jumps further than its crop reaches between two frames (a fast move) is lost there.
     * With same-frame recovery the tracker detects again in that frame and answers on the face at its
     * new place; without, that frame has no answer on the face. Either way the crop left on the
     * background is judged lost by the model's calibrated confidence, not reported as a face.
     */
    @Test
    void aFaceThatJumpsOutOfItsCropIsFoundAgainInTheSameFrame() {
        try (Mat canvas = portraitOnGrey(1400, 0);
             Mat frame = new Mat(); Mat shift = new Mat(2, 3, CV_64F);
             LandmarkModel model = LandmarkModel.open(Models.fastOrFixture(tmp), RuntimeOptions.cpu(1));
             FaceDetector yunet = Detectors.open(Detectors.YUNET)) {
            for (boolean recover : new boolean[] {true, false}) {
                TrackerParams params = TrackerParams.DEFAULT.withDetectEvery(0).withCropLead(0).withRecovery(recover);
                try (FaceTracker tracker = new FaceTracker(model, yunet, params, new StageTimer())) {
                    translate(canvas, frame, shift, 0, 0);
                    TrackedFace before = tracker.process(frame, 0, 0, null).faces().get(0);
                    translate(canvas, frame, shift, 800, 0);
                    FrameResult jumped = tracker.process(frame, 1, 33, null);
                    float cx = before.box().cx() + 800, size = Math.max(before.box().w(), before.box().h());
                    TrackedFace onFace = jumped.faces().stream()
                            .filter(f -> Math.hypot(f.box().cx() - cx, f.box().cy() - before.box().cy()) < 0.25 * size).findFirst().orElse(null);
                    // Its old crop now shows only background: the confidence says so and nothing is reported there.
                    assertTrue(jumped.faces().stream().noneMatch(f -> f.box().cx() < before.box().cx() + 0.5 * size),
                            "no face left on the background: " + jumped.faces());
                    if (recover) {
                        assertNotNull(onFace, "found again in the frame it jumped: " + jumped.faces());
                        assertEquals(2, tracker.detectionRuns(), "one detection for the first frame, one to recover");
                    } else {
                        assertNull(onFace, "without recovery the jump frame has no answer on the face: " + jumped.faces());
                    }
                }
            }
        }
    }

    /**
     * A move the crop lead did not foresee (a still face that starts moving) leaves the face off its crop's
     * centre: with refinement the tracker answers it again from a centred crop in the same frame, and that
     * answer is the one a steady track gives there. A still face is never refined (no extra cost).
     */
    @Test
    void aFaceOffItsCropsCentreIsAnsweredAgainFromACentredCrop() {
        try (Mat canvas = portraitOnGrey(900, 100);
             Mat frame = new Mat(); Mat shift = new Mat(2, 3, CV_64F);
             LandmarkModel model = LandmarkModel.open(Models.fastOrFixture(tmp), RuntimeOptions.cpu(1));
             FaceDetector yunet = Detectors.open(Detectors.YUNET)) {
            TrackerParams base = TrackerParams.DEFAULT.withDetectEvery(0).withCropLead(0).withSmoothing(SmoothingParams.OFF);
            float jump = 60;
            // Where a steady track sits on the moved face: the reference for the jump frame.
            float[] steady;
            try (FaceTracker tracker = new FaceTracker(model, yunet, base, new StageTimer())) {
                translate(canvas, frame, shift, jump, 0);
                for (int i = 0; i < 5; i++) tracker.process(frame, i, 33.0 * i, null);
                steady = tracker.process(frame, 5, 33.0 * 5, null).faces().get(0).landmarks();
            }
            double[] err = new double[2];
            long[] refined = new long[2];
            for (int k = 0; k < 2; k++) {
                try (FaceTracker tracker = new FaceTracker(model, yunet, base.withRefine(k == 0 ? 0 : 0.05f), new StageTimer())) {
                    translate(canvas, frame, shift, 0, 0);
                    for (int i = 0; i < 6; i++) tracker.process(frame, i, 33.0 * i, null);
                    assertEquals(0, tracker.refinements(), "a still face is never answered twice");
                    translate(canvas, frame, shift, jump, 0);
                    float[] pts = tracker.process(frame, 6, 33.0 * 6, null).faces().get(0).landmarks();
                    refined[k] = tracker.refinements();
                    err[k] = meanDistance(pts, steady);
                }
            }
            assertEquals(0, refined[0], "refinement off");
            assertEquals(1, refined[1], "the jump frame is answered again once");
            // Measured with the width-1.0 fast (2026-12-07): 8.2 px off the steady answer from the off-centre crop, 2.8 px
            // refined (the portrait's face is ~250 px). The jump was 45 px for the width-0.5 model (7.2 vs 2.2 px); the
            // wider net is less thrown by that offset (5.0 vs 2.5 px), so the face now moves further off the crop's centre.
            assertTrue(err[1] < 0.5 * err[0], "refined " + err[1] + " px vs off-centre " + err[0] + " px from the steady answer");
        }
    }

    /** The portrait pasted at column {@code x} of a 600-row grey canvas {@code cols} wide. */
    private static Mat portraitOnGrey(int cols, int x) {
        Mat canvas = new Mat(600, cols, CV_8UC3, new Scalar(90, 90, 90, 0));
        try (Mat grace = imread(TestFiles.grace().toString());
             Rect at = new Rect(x, 0, grace.cols(), grace.rows()); Mat view = canvas.apply(at)) {
            grace.copyTo(view);
        }
        return canvas;
    }

    private static double meanDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i += 2) sum += Math.hypot(a[i] - b[i], a[i + 1] - b[i + 1]);
        return sum / (a.length / 2);
    }

    private static void translate(Mat src, Mat dst, Mat m, float dx, float dy) {
        try (DoubleIndexer idx = m.createIndexer()) {
            idx.put(0, 0, 1); idx.put(0, 1, 0); idx.put(0, 2, dx);
            idx.put(1, 0, 0); idx.put(1, 1, 1); idx.put(1, 2, dy);
        }
        warpAffine(src, dst, m, new Size(src.cols(), src.rows()));
    }
}
