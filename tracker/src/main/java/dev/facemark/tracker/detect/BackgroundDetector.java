package dev.facemark.tracker.detect;

import dev.facemark.core.detect.Detection;
import dev.facemark.core.detect.FaceDetector;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a detector's slow half ({@link FaceDetector#detect}) on its own thread, so that the periodic
 * search for new faces while tracking holds costs the pipeline thread only the downscale
 * ({@link FaceDetector#prepare}). The detector is touched by one thread at a time: {@link #start}
 * prepares on the caller's thread only when no detection is in flight, and {@link #await} must be
 * called before the caller uses the detector directly.
 */
public final class BackgroundDetector implements AutoCloseable {
    private final FaceDetector detector;
    private final ExecutorService worker;
    private Future<Result> inFlight;

    /** Faces found, and the detector's own time in nanoseconds. */
    public record Result(List<Detection> detections, long detectNanos) { }

    public BackgroundDetector(FaceDetector detector) {
        this.detector = detector;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "face-detector");
            t.setDaemon(true);
            return t;
        });
    }

    public boolean busy() { return inFlight != null && !inFlight.isDone(); }

    /** Prepares {@code bgr} on this thread and detects on the worker. Call only when not {@link #busy()}. */
    public void start(Mat bgr) {
        if (busy()) throw new IllegalStateException("a detection is already in flight");
        detector.prepare(bgr);
        inFlight = worker.submit(() -> {
            long t0 = System.nanoTime();
            List<Detection> out = detector.detect();
            return new Result(out, System.nanoTime() - t0);
        });
    }

    /** The finished detection's result, once; null while none finished. */
    public Result poll() {
        return inFlight != null && inFlight.isDone() ? take() : null;
    }

    /** Waits for the detection in flight (if any) and returns it; afterwards the detector is free. */
    public Result await() {
        return inFlight == null ? null : take();
    }

    private Result take() {
        Future<Result> f = inFlight;
        inFlight = null;
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("face detection failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Waits for the detection in flight and stops the worker; does not close the detector. */
    @Override
    public void close() {
        await();
        worker.shutdown();
    }
}
