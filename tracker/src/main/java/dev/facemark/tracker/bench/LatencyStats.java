package dev.facemark.tracker.bench;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, in milliseconds. The histograms of {@link
 * dev.facemark.tracker.profile.StageTimer} hold microseconds.
 */
public record LatencyStats(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0);

    /** From a histogram of microseconds. */
    public static LatencyStats ofMicros(Histogram h) {
        if (h.getTotalCount() == 0) return EMPTY;
        return new LatencyStats(h.getTotalCount(), h.getMean() / 1e3, h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
    }
}
