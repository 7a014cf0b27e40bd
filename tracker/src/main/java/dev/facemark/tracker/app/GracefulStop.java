package dev.facemark.tracker.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends an endless run (camera, demo) cleanly on Ctrl-C or SIGTERM: the JVM's shutdown hook asks the
 * frame loop to stop through the gate and waits, a few seconds at most, until the run's outputs are
 * closed, so a recording is finalised instead of left without its index. The outputs are still
 * closed by the loop's own thread (GL objects must be). Close this after the run's outputs.
 */
public final class GracefulStop implements AutoCloseable {
    private static final long WAIT_S = 5;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "facemark-graceful-stop");
    private volatile boolean requested;

    public GracefulStop() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** {@code inner} (null: always advance) until a stop is requested, then STOP. */
    public FrameGate wrap(FrameGate inner) {
        FrameGate g = inner == null ? FrameGate.ALWAYS : inner;
        return () -> requested ? FrameGate.Step.STOP : g.poll();
    }

    public boolean requested() { return requested; }

    private void onShutdown() {
        requested = true;
        try {
            finished.await(WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and has just been released
        }
    }
}
