package dev.facemark.batch.job;

import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.tracker.app.TrackingSetup;
import dev.facemark.tracker.track.TrackerParams;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor's model sessions and detectors, opened once and reused across videos. A landmark model
 * and a detector serve one thread at a time, so each JVM keeps as many as it has tasks running at
 * once (its task slots: 2 for {@code local[2]}, {@code spark.executor.cores} on a cluster), each
 * borrowed by a task for one video and given back after it. They live as long as the executor.
 */
final class Pipelines {
    private Pipelines() {}

    /** One model session and one detector with the tracking parameters they run with. */
    record Pipeline(LandmarkModel model, FaceDetector detector, TrackerParams params) {}

    private static final Map<TrackingSetup, Deque<Pipeline>> IDLE = new ConcurrentHashMap<>();
    private static final AtomicInteger OPENED = new AtomicInteger();

    static Pipeline borrow(BatchSettings s) {
        Pipeline p = IDLE.computeIfAbsent(key(s), k -> new ConcurrentLinkedDeque<>()).pollFirst();
        return p != null ? p : open(s);
    }

    static void release(BatchSettings s, Pipeline p) {
        IDLE.computeIfAbsent(key(s), k -> new ConcurrentLinkedDeque<>()).offerFirst(p);
    }

    /**
     * Opens a pipeline for these settings (the model and detector as {@code tracker video} would open
     * them), on a thread of its own with a large stack: ONNX Runtime 1.29's start-up overflows a 1 MB
     * thread stack and kills the JVM with SIGSEGV (no hs_err file) when the JVM was started with a
     * class path of more than about 4 KB, as every Spark executor is.
     */
    static Pipeline open(BatchSettings s) {
        Pipeline[] out = new Pipeline[1];
        RuntimeException[] failed = new RuntimeException[1];
        Error[] error = new Error[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = openHere(s);
            } catch (RuntimeException e) {
                failed[0] = e;
            } catch (Error e) {
                error[0] = e;
            }
        }, "facemark-model-open", 64L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the model", e);
        }
        if (failed[0] != null) throw failed[0];
        if (error[0] != null) throw error[0];
        return out[0];
    }

    private static Pipeline openHere(BatchSettings s) {
        TrackingSetup setup = s.tracking();
        LandmarkModel model = setup.openModel();
        try {
            FaceDetector detector = setup.openDetector();
            OPENED.incrementAndGet();
            return new Pipeline(model, detector, setup.params());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** How many pipelines this JVM has opened (tests check that they are reused). */
    static int opened() { return OPENED.get(); }

    /** Pipelines are pooled by what they open and track with; the setup is a value, equal on every executor. */
    private static TrackingSetup key(BatchSettings s) { return s.tracking(); }
}
