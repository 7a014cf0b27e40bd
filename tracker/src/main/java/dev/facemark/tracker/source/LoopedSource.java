package dev.facemark.tracker.source;

import java.util.function.Supplier;

/**
 * A finite source played several times back to back as one long video: frame numbers and media
 * times keep counting across passes, so the tracker and its smoothers see one continuous clip.
 * Benchmarks use it to measure long runs on a short sample. A live source plays once.
 */
public final class LoopedSource implements FrameSource {
    private final Supplier<FrameSource> opener;
    private final int passes;
    private FrameSource current;
    private int pass;
    private long frameOffset, lastIndex = -1;
    private double timeOffset, lastTime;

    /** {@code opener} opens the source afresh for each pass; it is opened once here. */
    public LoopedSource(Supplier<FrameSource> opener, int passes) {
        if (passes < 1) throw new IllegalArgumentException("passes must be >= 1, got " + passes);
        this.opener = opener;
        this.passes = passes;
        this.current = opener.get();
    }

    @Override
    public SourceFrame next() {
        while (true) {
            SourceFrame f = current.next();
            if (f != null) {
                lastIndex = f.index();
                lastTime = f.timeMs();
                return new SourceFrame(frameOffset + f.index(), timeOffset + f.timeMs(), f.bgr(), f.name());
            }
            if (current.live() || pass + 1 >= passes || lastIndex < 0) return null;
            double fps = current.fps();
            frameOffset += lastIndex + 1;
            timeOffset += lastTime + 1000.0 / (fps > 0 ? fps : 30);
            lastIndex = -1;
            current.close();
            pass++;
            current = opener.get();
        }
    }

    /** Passes started so far, 1-based. */
    public int pass() { return pass + 1; }

    @Override public String name() { return current.name(); }
    @Override public double fps() { return current.fps(); }
    @Override public long frameCount() {
        long n = current.frameCount();
        return n < 0 || current.live() ? n : n * passes;
    }
    @Override public boolean live() { return current.live(); }
    @Override public int height() { return current.height(); }
    @Override public void close() { current.close(); }
}
