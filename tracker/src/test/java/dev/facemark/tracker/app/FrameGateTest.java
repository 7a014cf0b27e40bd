package dev.facemark.tracker.app;

import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.source.DemoSource;
import dev.facemark.tracker.track.FaceTracker;
import dev.facemark.tracker.track.TrackerParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static dev.facemark.tracker.app.FrameGate.Step.*;
import static org.junit.jupiter.api.Assertions.*;

/** The run loop honours its gate: WAIT grabs nothing, STOP ends the run, and the painter sees every processed frame. */
class FrameGateTest {
    @Test
    void waitHoldsTheSourceAndStopEndsTheRun(@TempDir Path tmp) {
        ArrayDeque<FrameGate.Step> script = new ArrayDeque<>(List.of(ADVANCE, WAIT, WAIT, ADVANCE, WAIT, ADVANCE, STOP, ADVANCE));
        int[] polls = {0};
        FrameGate gate = () -> { polls[0]++; return script.poll(); };
        List<Long> painted = new ArrayList<>();
        StageTimer timer = new StageTimer();
        RunSummary s;
        try (LandmarkModel model = LandmarkModel.open(Models.fixture(tmp), RuntimeOptions.cpu(1));
             HaarCascadeDetector haar = new HaarCascadeDetector();
             FaceTracker tracker = new FaceTracker(model, haar, TrackerParams.DEFAULT, timer);
             DemoSource demo = new DemoSource(3, 30, 0, false)) {
            s = new TrackingRun(demo, tracker, timer).gate(gate)
                    .painter((bgr, r) -> painted.add(r.frame())).run();
        }
        assertEquals(3, s.frames());
        assertEquals(List.of(0L, 1L, 2L), painted, "consecutive source frames: waiting grabbed none");
        assertEquals(7, polls[0], "asked before every turn, not after STOP");
        assertEquals(3, timer.count(dev.facemark.tracker.profile.Stage.RENDER), "painting is timed as rendering");
    }
}
