package dev.facemark.tracker.bench;

import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.io.LandmarkWriter;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.app.FrameObserver;
import dev.facemark.tracker.app.TrackingRun;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.profile.Stage;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.render.HudInfo;
import dev.facemark.tracker.render.Layer;
import dev.facemark.tracker.source.LoopedSource;
import dev.facemark.tracker.source.SourceFrame;
import dev.facemark.tracker.source.Sources;
import dev.facemark.tracker.track.FaceTracker;
import dev.facemark.tracker.track.TrackerParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Runs the tracker pipeline headless over a video and times it: the production frame loop
 * ({@link TrackingRun}, as {@code tracker video} runs it) with the same parts
 * (FFmpeg decoding, detector, {@link FaceTracker} with its ONNX Runtime model, One Euro, pose, a JSONL
 * landmark file flushed per frame), optionally followed by an offscreen render and read-back. Every
 * stage goes into a {@link StageTimer}; the warm-up frames are processed, then the timer is reset.
 *
 * <p>The video is played {@code loops} times back to back with frame numbers and times that keep
 * counting, so the tracker and its filters see one long video.
 */
public final class PipelineBench {
    private PipelineBench() {}

    public static BenchResult run(Path modelFile, BenchConfig c, boolean render) {
        return run(modelFile, c, render, n -> { });
    }

    /** As above; {@code afterFrame} gets the count of frames processed so far (warm-up included) after each frame. */
    public static BenchResult run(Path modelFile, BenchConfig c, boolean render, LongConsumer afterFrame) {
        Path jsonl = tempFile();
        StageTimer timer = new StageTimer();
        String modelName = modelFile.getFileName().toString();
        try (LandmarkModel model = LandmarkModel.open(modelFile, new RuntimeOptions(c.threads(), c.device()));
             FaceDetector detector = Detectors.open(c.detector());
             FaceTracker tracker = new FaceTracker(model, detector, TrackerParams.DEFAULT.withAsyncDetection(!c.syncDetection())
                     .withHeatmaps(render && c.layers() != null && c.layers().contains(Layer.HEATMAPS)), timer);
             LandmarkWriter out = LandmarkWriter.open(jsonl, model.contract().points());
             OffscreenRendering view = render ? new OffscreenRendering(c.renderWidth(), c.renderHeight(), modelName, c.layers(), c.filters()) : null;
             LoopedSource src = new LoopedSource(() -> Sources.open(c.input().toString(), 0, 0, 0), c.loops())) {
            if (src.live() && c.maxFrames() == 0) {
                throw new IllegalArgumentException(c.input() + " is a live source: give --frames N to bound the bench");
            }
            Counters n = new Counters(c, timer, tracker, view, afterFrame);
            TrackingRun run = new TrackingRun(src, tracker, timer).landmarks(out).maxFrames(c.maxFrames()).observer(n);
            if (view != null) run.painter((bgr, r) -> view.draw(bgr, r, n.hud));
            n.start();
            run.run();
            n.stop();
            if (n.measured == 0) {
                throw new IllegalArgumentException("the warm-up (" + c.warmup() + " frames) left no frames to measure in "
                        + c.input() + " (" + n.done + " frames in all): lower --warmup or raise --loop");
            }
            Map<String, LatencyStats> stages = new LinkedHashMap<>();
            for (Stage s : BenchStages.perFrame()) stages.put(BenchStages.key(s), LatencyStats.ofMicros(timer.histogram(s)));
            return new BenchResult(modelName, render, model.device().name().toLowerCase(Locale.ROOT), c.threads(),
                    n.measured, n.wallNanos / 1e9, stages, LatencyStats.ofMicros(timer.histogram(Stage.FRAME)),
                    LatencyStats.ofMicros(n.frameCpu),
                    Arrays.copyOf(n.timeline, (int) Math.min(n.timeline.length, n.measured)),
                    tracker.detectionRuns() - n.detectionsAtStart, tracker.refinements() - n.refinementsAtStart, n.withFace, n.cpuNanos / 1e9);
        } finally {
            try { Files.deleteIfExists(jsonl); } catch (IOException ignored) { /* temp file */ }
        }
    }

    /** CPU time of the whole process, all threads (0 where the JVM does not tell). */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("facemark-bench", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary landmark file", e);
        }
    }

    /**
     * What the bench measures on top of the frame loop's stage timer: the warm-up cut, a per-frame
     * timeline, per-frame CPU time, frames with a face, wall and process CPU time.
     */
    private static final class Counters implements FrameObserver {
        private static final int TIMELINE_CAP = 1 << 20; // one float per frame; enough for any bench
        final BenchConfig c;
        final StageTimer timer;
        final FaceTracker tracker;
        final OffscreenRendering view;
        final LongConsumer afterFrame;
        float[] timeline = new float[1024];
        long done, measured, withFace, wallNanos, cpuNanos, detectionsAtStart, refinementsAtStart;
        final org.HdrHistogram.Histogram frameCpu = new org.HdrHistogram.Histogram(60_000_000L, 3);
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private long wallStart, cpuStart, frameCpuStart;
        private boolean warm;
        volatile HudInfo hud;

        Counters(BenchConfig c, StageTimer timer, FaceTracker tracker, OffscreenRendering view, LongConsumer afterFrame) {
            this.c = c;
            this.timer = timer;
            this.tracker = tracker;
            this.view = view;
            this.afterFrame = afterFrame;
            if (view != null) hud = view.hud(Double.NaN, Map.of());
        }

        void start() {
            warm = c.warmup() == 0;
            clocksFromNow();
        }

        private void clocksFromNow() {
            wallStart = System.nanoTime();
            cpuStart = processCpuNanos();
        }

        void stop() {
            wallNanos = System.nanoTime() - wallStart;
            cpuNanos = processCpuNanos() - cpuStart;
        }

        @Override
        public void beforeFrame() { frameCpuStart = threads.getCurrentThreadCpuTime(); }

        @Override
        public void afterFrame(SourceFrame f, FrameResult r, long t0, long t3) {
            long c3 = threads.getCurrentThreadCpuTime();
            done++;
            if (warm) {
                if (measured < TIMELINE_CAP) {
                    if (measured == timeline.length) timeline = Arrays.copyOf(timeline, 2 * timeline.length);
                    timeline[(int) measured] = (t3 - t0) / 1e6f;
                }
                measured++;
                if (frameCpuStart >= 0 && c3 >= frameCpuStart) frameCpu.recordValue(Math.min(60_000_000L, (c3 - frameCpuStart) / 1000));
                if (!r.faces().isEmpty()) withFace++;
                if (view != null && measured % 30 == 0) hud = hudFromTimer();
            } else if (done == c.warmup()) {
                timer.reset(); // everything so far was warm-up
                warm = true;
                clocksFromNow();
                detectionsAtStart = tracker.detectionRuns();
                refinementsAtStart = tracker.refinements();
            }
            afterFrame.accept(done);
        }

        /** What the live HUD would show: fps and mean stage times so far. */
        private HudInfo hudFromTimer() {
            Map<String, Double> ms = new LinkedHashMap<>();
            for (Stage s : new Stage[] {Stage.GRAB, Stage.DETECT, Stage.INFERENCE, Stage.RENDER}) {
                long n = timer.count(s);
                if (n > 0) ms.put(BenchStages.key(s), timer.totalNanos(s) / 1e6 / n);
            }
            double secs = (System.nanoTime() - wallStart) / 1e9;
            return view.hud(secs > 0 ? measured / secs : Double.NaN, ms);
        }
    }
}
