package dev.facemark.tracker.source;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps a live source (a network stream, a camera) going across short losses: when it stops, it
 * is closed and reopened after a delay, up to a number of attempts; frames keep one numbering and
 * increasing times across reconnections. When the attempts are spent, or none are allowed, the
 * loss ends the run as a {@link SourceLostException} after every frame before it was delivered.
 * The attempt count starts afresh once a reopened source delivers a frame.
 */
public final class ReconnectingSource implements FrameSource {
    /** Opens the source again; throws {@link SourceException} when it cannot. */
    @FunctionalInterface
    public interface Opener {
        FrameSource open();
    }

    private static final long SLICE_MS = 50;

    private final String name;
    private final Opener opener;
    private final int attempts;
    private final long delayMs;
    private final Consumer<String> notices;
    private final BooleanSupplier cancelled;
    private final double fps;
    private final int height;
    private FrameSource inner;
    private long delivered;
    private double lastMs;
    private long lastNs;
    private double offsetMs;
    private boolean ended;

    /**
     * @param first     the source as first opened (its failures to open are the caller's)
     * @param attempts  reopen attempts after each loss; 0 reports the first loss as it is
     * @param notices   told of each loss, failed attempt and reconnection, one line each
     * @param cancelled asked while waiting to reconnect: true ends the run as a normal end (Ctrl-C)
     */
    public ReconnectingSource(FrameSource first, Opener opener, int attempts, long delayMs, Consumer<String> notices, BooleanSupplier cancelled) {
        this.name = first.name();
        this.inner = first;
        this.opener = opener;
        this.attempts = attempts;
        this.delayMs = delayMs;
        this.notices = notices == null ? m -> { } : notices;
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.fps = first.fps();
        this.height = first.height();
    }

    @Override
    public SourceFrame next() {
        if (ended) return null;
        int tried = 0;
        String lost = null, lastFailure = null;
        while (true) {
            if (inner != null) {
                String why;
                try {
                    SourceFrame f = inner.next();
                    if (f != null) return renumbered(f);
                    if (!inner.live()) {
                        ended = true;
                        return null;
                    }
                    why = "it ended";
                } catch (SourceException e) {
                    why = e.reason();
                }
                closeInner();
                if (lost == null) {
                    lost = why;
                } else {
                    lastFailure = "it stopped again before a frame: " + why;
                    notices.accept(name + " stopped again before a frame (" + why + ")");
                }
            }
            if (tried >= attempts) {
                ended = true;
                throw lostFor(lost, tried, lastFailure);
            }
            tried++;
            if (tried == 1) {
                notices.accept(name + " lost after " + delivered + " frames (" + lost + "); reconnecting, attempt 1 of " + attempts
                        + " in " + FfmpegErrors.seconds(delayMs));
            }
            if (!pause()) {
                ended = true;
                return null;
            }
            try {
                inner = opener.open();
                offsetMs = lastMs + (delivered == 0 ? 0 : (System.nanoTime() - lastNs) / 1e6);
                notices.accept("reconnected to " + name + " (attempt " + tried + " of " + attempts + ")");
            } catch (SourceException e) {
                lastFailure = e.reason();
                notices.accept("reconnect attempt " + tried + " of " + attempts + " to " + name + " failed: " + e.reason());
            }
        }
    }

    private SourceFrame renumbered(SourceFrame f) {
        double t = offsetMs + f.timeMs();
        if (delivered > 0 && t <= lastMs) t = lastMs + (fps > 0 ? 1000.0 / fps : 1.0);
        lastMs = t;
        lastNs = System.nanoTime();
        return new SourceFrame(delivered++, t, f.bgr(), f.name());
    }

    private SourceLostException lostFor(String lost, int tried, String lastFailure) {
        String m = name + " lost after " + delivered + " frames (" + lost + ")";
        if (tried == 0) {
            m += "; not reconnecting (--reconnect 0); check the camera or server, or allow reconnects with --reconnect N";
        } else {
            m += " and not back after " + tried + " reconnect attempt" + (tried == 1 ? "" : "s") + " (last: " + lastFailure
                    + "); check the camera or server, or allow more with --reconnect N";
        }
        return new SourceLostException(m, lost, delivered, tried);
    }

    /** Waits the delay; false when the run was cancelled or the thread interrupted meanwhile. */
    private boolean pause() {
        long end = System.nanoTime() + delayMs * 1_000_000;
        while (true) {
            if (cancelled.getAsBoolean()) return false;
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) return true;
            try {
                Thread.sleep(Math.min(SLICE_MS, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void closeInner() {
        try {
            inner.close();
        } catch (RuntimeException ignored) {
            // a lost source may fail to close; it is dropped either way
        }
        inner = null;
    }

    @Override public String name() { return name; }
    @Override public double fps() { return fps; }
    @Override public long frameCount() { return -1; }
    @Override public boolean live() { return true; }
    @Override public int height() { return height; }

    @Override
    public void close() {
        if (inner != null) closeInner();
    }
}
