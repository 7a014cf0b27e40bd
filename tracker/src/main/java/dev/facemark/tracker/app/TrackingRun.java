package dev.facemark.tracker.app;

import dev.facemark.core.io.LandmarkWriter;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.output.FramePainter;
import dev.facemark.tracker.output.FrameSink;
import dev.facemark.tracker.output.LandmarkRecords;
import dev.facemark.tracker.profile.Stage;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.source.FrameSource;
import dev.facemark.tracker.source.SourceFrame;
import dev.facemark.tracker.track.FaceTracker;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The frame loop: grab, track, write landmarks, paint and write video, with every stage timed.
 * Each frame's landmarks are flushed as soon as it is done, so when the source fails mid-stream
 * (a camera unplugged, a truncated file) everything before the failure is already on disk; the
 * caller closes the writers in a finally block, which finalises the video.
 */
public final class TrackingRun {
    private final FrameSource source;
    private final FaceTracker tracker;
    private final StageTimer timer;
    private LandmarkWriter landmarks;
    private final List<FrameSink> sinks = new ArrayList<>();
    private FramePainter painter;
    private ProgressBar progress;
    private Consumer<FrameResult> listener = r -> { };
    private FrameGate gate = FrameGate.ALWAYS;
    private FrameObserver observer;
    private long maxFrames;
    private boolean resetEachFrame;
    private int refinePasses;

    public TrackingRun(FrameSource source, FaceTracker tracker, StageTimer timer) {
        this.source = source;
        this.tracker = tracker;
        this.timer = timer;
    }

    public TrackingRun landmarks(LandmarkWriter w) { this.landmarks = w; return this; }
    /**
     * Draws each frame's result once, before the sinks take the frame (timed as the render stage):
     * into the frame itself for video/image output, or onto the screen for the live window.
     */
    public TrackingRun painter(FramePainter p) { this.painter = p; return this; }
    public TrackingRun sink(FrameSink s) { if (s != null) sinks.add(s); return this; }
    public TrackingRun progress(ProgressBar p) { this.progress = p; return this; }
    public TrackingRun maxFrames(long n) { this.maxFrames = n; return this; }
    /** Unrelated frames (an image folder): forget faces between frames. */
    public TrackingRun resetEachFrame(boolean r) { this.resetEachFrame = r; return this; }
    /**
     * Extra passes over the same frame, each cropping from the previous pass's landmarks instead of
     * the detector's box: for still images, where there is no previous frame to track from.
     */
    public TrackingRun refinePasses(int n) { this.refinePasses = n; return this; }
    /** Called with each frame's result and image (after painting), e.g. to show it. */
    public TrackingRun listener(Consumer<FrameResult> l) { this.listener = l; return this; }
    /** Asked before every frame: an interactive view pauses or ends the run through it. */
    public TrackingRun gate(FrameGate g) { this.gate = g == null ? FrameGate.ALWAYS : g; return this; }

    /** Told about every frame after its stages are timed: the benchmark drives the loop through this. */
    public TrackingRun observer(FrameObserver o) { this.observer = o; return this; }

    /** Runs to the end of the source (or {@code maxFrames}); source failures propagate after the frames before them are written. */
    public RunSummary run() {
        long start = System.nanoTime(), frames = 0, withFace = 0;
        TreeSet<Integer> ids = new TreeSet<>();
        try {
            while (maxFrames <= 0 || frames < maxFrames) {
                FrameGate.Step step = gate.poll();
                if (step == FrameGate.Step.STOP) break;
                if (step == FrameGate.Step.WAIT) continue;
                if (observer != null) observer.beforeFrame();
                long t0 = System.nanoTime();
                SourceFrame f = source.next();
                long t1 = timer.lap(Stage.GRAB, t0);
                if (f == null) break;
                if (resetEachFrame) tracker.reset();
                FrameResult r = tracker.process(f.bgr(), f.index(), f.timeMs(), f.name());
                for (int k = 0; k < refinePasses && !r.faces().isEmpty(); k++) r = tracker.process(f.bgr(), f.index(), f.timeMs(), f.name());
                long t2 = System.nanoTime();
                if (painter != null) {
                    painter.paint(f.bgr(), r);
                    t2 = timer.lap(Stage.RENDER, t2);
                }
                if (landmarks != null) landmarks.write(LandmarkRecords.of(r));
                for (FrameSink sink : sinks) sink.accept(f.bgr(), r);
                listener.accept(r);
                long t3 = timer.lap(Stage.WRITE, t2);
                timer.record(Stage.FRAME, t3 - t0);
                if (observer != null) observer.afterFrame(f, r, t0, t3);
                frames++;
                if (!r.faces().isEmpty()) withFace++;
                for (TrackedFace face : r.faces()) ids.add(face.id());
                if (progress != null) progress.update(frames);
            }
        } finally {
            if (progress != null) progress.finish(frames);
        }
        return new RunSummary(frames, withFace, ids, tracker.detectionRuns(), (System.nanoTime() - start) / 1e9);
    }
}
