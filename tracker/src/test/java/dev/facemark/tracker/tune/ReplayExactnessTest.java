package dev.facemark.tracker.tune;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageCheck;
import dev.facemark.core.data.LoadMode;
import dev.facemark.core.data.W300Dataset;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.TestFiles;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.smooth.SmoothingParams;
import dev.facemark.tracker.track.FaceTracker;
import dev.facemark.tracker.track.TrackerParams;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What {@code tune-smoothing} rests on: replaying a smoother over the recorded raw points gives what
 * the tracker outputs when it runs that smoother itself (the tracker crops from raw points).
 */
class ReplayExactnessTest {
    @Test
    void theTrackerWithTheDefaultSmootherOutputsWhatTheReplayComputes() {
        Path data = TestFiles.shared().resolve("data/300w"), modelFile = TestFiles.root().resolve("models/fast.onnx");
        assumeTrue(Files.isDirectory(data.resolve("afw")) && Files.isRegularFile(modelFile) && Files.isRegularFile(TestFiles.yunet()),
                "needs ../shared/data/300w, models/fast.onnx and the YuNet model");
        Dataset train = W300Dataset.load(data, "train", LoadMode.LENIENT, ImageCheck.EXISTS);
        FaceSample face = train.get(5);
        MotionScript script = MotionScript.of(MotionScript.SHORT, 30, 5);
        try (LandmarkModel model = LandmarkModel.open(modelFile, RuntimeOptions.cpu(1));
             FaceDetector det = Detectors.open("yunet:" + TestFiles.yunet())) {
            Recording.Clip rec;
            try (MotionClip clip = new MotionClip(face, script, 70, 3, 9)) {
                rec = ClipRecorder.record(clip, model, det, TrackerParams.DEFAULT, null);
            }
            assertTrue(rec.found() > 0.9 * rec.frames(), "face found in " + rec.found() + " of " + rec.frames());
            float[][] replayed = SmoothingReplay.replay(rec, rec.raw(), SmoothingParams.DEFAULT);
            TrackerParams online = ClipRecorder.params(TrackerParams.DEFAULT).withSmoothing(SmoothingParams.DEFAULT);
            int compared = 0;
            try (MotionClip clip = new MotionClip(face, script, 70, 3, 9);
                 FaceTracker tracker = new FaceTracker(model, det, online, StageTimer.disabled())) {
                for (int f = 0; f < clip.frames(); f++) {
                    float[] truth = clip.truth(f);
                    FrameResult r = tracker.process(clip.frame(f), f, Recording.timeMs(f, 30), face.name());
                    TrackedFace t = ClipRecorder.match(r, truth);
                    assertEquals(replayed[f] == null, t == null, "frame " + f);
                    if (t == null) continue;
                    assertArrayEquals(replayed[f], t.landmarks(), 1e-4f, "frame " + f);
                    compared++;
                }
            }
            assertEquals(rec.found(), compared);
        }
    }
}
