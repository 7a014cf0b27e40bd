package dev.facemark.tracker.app;

import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.io.LandmarkReader;
import dev.facemark.core.io.LandmarkRecord;
import dev.facemark.core.io.LandmarkWriter;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import dev.facemark.tracker.profile.Stage;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.source.VideoFileSource;
import dev.facemark.tracker.track.FaceTracker;
import dev.facemark.tracker.track.TrackerParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole pipeline over the whole sample video (765 frames): real FFmpeg decoding, Haar, ONNX
 * Runtime, tracking, One Euro, pose, JSONL. With the fixture model (a mean face that does not look
 * at the image) continuity rests on: the tracking crop being a fixed point of the fixture, the
 * periodic detection (every 10 frames) matching the track by centre distance and re-seeding its
 * crop when it drifted, and a regressor track living on until the detector fails to confirm it
 * three rounds running. With the trained model the landmarks themselves carry the track.
 */
class TrackingEndToEndTest {
    @TempDir Path tmp;

    @Test
    void wholeSampleVideoGivesOneRowPerFrameAFaceInNearlyAllAndOneId() {
        trackWholeVideo(TrackerParams.DEFAULT);
    }

    /** The CLI's default: the periodic detection runs on a background thread while the face is tracked. */
    @Test
    void backgroundPeriodicDetectionKeepsTheSameGuarantees() {
        StageTimer timer = trackWholeVideo(TrackerParams.DEFAULT.withAsyncDetection(true));
        assertTrue(timer.count(Stage.DETECT_BACKGROUND) >= 5, "background detections were applied: " + timer.count(Stage.DETECT_BACKGROUND));
    }

    private StageTimer trackWholeVideo(TrackerParams params) {
        Path jsonl = tmp.resolve("out-" + params.detection().async() + ".jsonl");
        StageTimer timer = new StageTimer();
        RunSummary s;
        try (LandmarkModel model = LandmarkModel.open(Models.fastOrFixture(tmp), RuntimeOptions.cpu(1));
             HaarCascadeDetector haar = new HaarCascadeDetector();
             FaceTracker tracker = new FaceTracker(model, haar, params, timer);
             VideoFileSource src = new VideoFileSource(TestFiles.video());
             LandmarkWriter out = LandmarkWriter.open(jsonl, 68)) {
            s = new TrackingRun(src, tracker, timer).landmarks(out).run();
        }
        System.out.println(s + "\n" + timer.summary());
        List<LandmarkRecord> rows = LandmarkReader.read(jsonl);
        assertEquals(765, rows.size());
        long withFace = rows.stream().filter(r -> !r.faces().isEmpty()).count();
        assertTrue(withFace >= 0.99 * 765, "face in " + withFace + " of 765 frames");
        Set<Integer> ids = new TreeSet<>();
        for (LandmarkRecord r : rows) {
            assertTrue(r.faces().size() <= 1, "one person in the video, frame " + r.frame() + ": " + r.faces());
            r.faces().forEach(f -> ids.add(f.id()));
            for (LandmarkRecord.Face f : r.faces()) {
                assertEquals(68, f.points());
                assertNotNull(f.pose(), "pose estimated");
                float[] b = f.box();
                assertTrue(b[0] > -50 && b[1] > -50 && b[0] + b[2] < 450 && b[1] + b[3] < 350, "box inside the frame " + java.util.Arrays.toString(b));
            }
        }
        assertEquals(Set.of(1), ids, "one constant id");
        assertEquals(765, s.frames());
        assertTrue(s.detectionRuns() < 765 / 5, "tracking, not detecting every frame: " + s.detectionRuns());
        assertTrue(timer.count(Stage.INFERENCE) >= 760);
        // Loose floor: CI shares 2 cores; the target (>= 400 frames/s) is measured by hand and reported.
        assertTrue(s.fps() > 60, "pipeline fps " + s.fps());
        return timer;
    }
}
