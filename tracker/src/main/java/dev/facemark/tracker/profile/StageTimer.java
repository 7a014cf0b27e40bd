package dev.facemark.tracker.profile;

import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-stage latency histograms (HdrHistogram, microseconds, 3 significant digits) for the tracker
 * pipeline. Recording is allocation-free. Stages that did not run in a frame (detection on a
 * tracked frame) simply get no sample, so their percentiles describe the frames where they ran.
 * Not thread-safe: one per pipeline thread.
 */
public final class StageTimer {
    private static final long MAX_US = 60_000_000L;
    private final Map<Stage, Histogram> histograms = new EnumMap<>(Stage.class);
    private final long[] totalNanos = new long[Stage.values().length];
    private boolean enabled = true;

    public StageTimer() {
        for (Stage s : Stage.values()) histograms.put(s, new Histogram(MAX_US, 3));
    }

    /** A timer that records nothing (for callers that do not care). */
    public static StageTimer disabled() {
        StageTimer t = new StageTimer();
        t.enabled = false;
        return t;
    }

    public void record(Stage stage, long nanos) {
        if (!enabled || nanos < 0) return;
        totalNanos[stage.ordinal()] += nanos;
        histograms.get(stage).recordValue(Math.min(MAX_US, Math.max(0, nanos / 1000)));
    }

    /** Records the time since {@code startNanos} and returns now, to chain stages: {@code t = timer.lap(Stage.X, t)}. */
    public long lap(Stage stage, long startNanos) {
        long now = System.nanoTime();
        record(stage, now - startNanos);
        return now;
    }

    public Histogram histogram(Stage stage) { return histograms.get(stage); }

    /** Samples recorded for a stage. */
    public long count(Stage stage) { return histograms.get(stage).getTotalCount(); }

    /** Sum of all recorded time of a stage, nanoseconds. */
    public long totalNanos(Stage stage) { return totalNanos[stage.ordinal()]; }

    public void reset() {
        histograms.values().forEach(Histogram::reset);
        java.util.Arrays.fill(totalNanos, 0);
    }

    /** A small table: samples, mean, p50, p99, max (ms) and share of the frame time per stage. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s %8s %9s %9s %9s %9s %7s%n",
                "stage", "samples", "mean ms", "p50 ms", "p99 ms", "max ms", "share"));
        double frame = Math.max(1, totalNanos(Stage.FRAME));
        for (Stage s : Stage.values()) {
            Histogram h = histograms.get(s);
            if (h.getTotalCount() == 0) continue;
            sb.append(String.format(Locale.ROOT, "%-18s %8d %9.3f %9.3f %9.3f %9.3f %6.1f%%%n", s.label(), h.getTotalCount(),
                    totalNanos(s) / 1e6 / h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3, 100 * totalNanos(s) / frame));
        }
        return sb.toString();
    }
}
