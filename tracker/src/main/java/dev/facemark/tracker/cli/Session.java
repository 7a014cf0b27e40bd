package dev.facemark.tracker.cli;

import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.io.LandmarkWriter;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.tracker.app.HudStats;
import dev.facemark.tracker.app.ProgressBar;
import dev.facemark.tracker.app.RunSummary;
import dev.facemark.tracker.app.TrackingRun;
import dev.facemark.tracker.app.TrackingSetup;
import dev.facemark.tracker.output.FrameSink;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.source.FrameSource;
import dev.facemark.tracker.track.FaceTracker;

import java.io.PrintWriter;

/**
 * One tracking session as the commands run it: open model and detector, then outputs (so a bad
 * output path fails before any work), run, and close everything in reverse order in any case, so
 * that landmarks written so far stay on disk and a video is finalised even after a failure.
 */
final class Session {
    private Session() {}

    /**
     * @param setup      the model, detector and tracking parameters to open and run with
     * @param annotation makes the painter, sinks and gate once the model is open
     */
    static RunSummary run(FrameSource source, TrackingSetup setup, OutputOptions oo, RunMode mode, Annotation.Factory annotation,
                          PrintWriter err) {
        StageTimer timer = new StageTimer();
        RunSummary summary;
        try (LandmarkModel model = setup.openModel();
             FaceDetector detector = setup.openDetector();
             FaceTracker tracker = new FaceTracker(model, detector, setup.params(), timer);
             LandmarkWriter landmarks = oo.openLandmarks(model.contract().points());
             FrameSink openFace = oo.openFaceSink(model.contract().points());
             Annotation out = annotation.open(model, new HudStats(timer, model.contract().name()))) {
            TrackingRun run = new TrackingRun(source, tracker, timer).landmarks(landmarks).painter(out.painter()).gate(out.gate())
                    .maxFrames(mode.maxFrames()).resetEachFrame(mode.stills()).refinePasses(mode.stills() ? 1 : 0);
            run.sink(openFace);
            out.sinks().forEach(run::sink);
            if (mode.progress()) {
                long max = mode.maxFrames();
                run.progress(new ProgressBar(err, max > 0 ? Math.min(max, source.frameCount()) : source.frameCount()));
            }
            summary = run.run();
        }
        err.println("tracker: " + summary);
        if (oo.profile) err.print(timer.summary());
        err.flush();
        return summary;
    }
}
