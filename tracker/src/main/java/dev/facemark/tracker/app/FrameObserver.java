package dev.facemark.tracker.app;

import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.source.SourceFrame;

/**
 * Watches {@link TrackingRun}'s frame loop from outside, after each frame's stages are timed, so that
 * a benchmark measures the production loop itself rather than a copy of it.
 */
public interface FrameObserver {
    /** Before the frame is grabbed (the frame's clock starts right after). */
    default void beforeFrame() { }

    /**
     * After the frame was tracked, painted and written.
     *
     * @param startNanos {@link System#nanoTime()} before the grab
     * @param endNanos   after the last stage (sinks and listener included)
     */
    void afterFrame(SourceFrame frame, FrameResult result, long startNanos, long endNanos);
}
