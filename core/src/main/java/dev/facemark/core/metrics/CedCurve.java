package dev.facemark.core.metrics;

import java.util.Arrays;

/**
 * Cumulative error distribution of per-face errors: {@code F(t)} = fraction of faces with error
 * {@code <= t}. AUC at a threshold T is the standard 300-W definition, the area under F from 0 to T
 * divided by T, computed exactly: {@code mean over faces of max(0, T - e) / T}. The failure rate at T
 * is the fraction of faces with error {@code > T}.
 */
public final class CedCurve {
    private final double[] sorted;

    public CedCurve(double[] errors) {
        this.sorted = errors.clone();
        Arrays.sort(sorted);
    }

    public int faces() { return sorted.length; }

    /** Fraction of faces with error {@code <= t}. */
    public double fractionAtOrBelow(double t) {
        if (sorted.length == 0) return Double.NaN;
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) lo = mid + 1; else hi = mid;
        }
        return lo / (double) sorted.length;
    }

    /** Area under the CED from 0 to {@code threshold}, divided by the threshold (1 = all errors zero). */
    public double auc(double threshold) {
        if (!(threshold > 0)) throw new IllegalArgumentException("threshold must be > 0");
        if (sorted.length == 0) return Double.NaN;
        double s = 0;
        for (double e : sorted) if (e < threshold) s += threshold - Math.max(0, e);
        return s / threshold / sorted.length;
    }

    /** Fraction of faces whose error exceeds {@code threshold}. */
    public double failureRate(double threshold) {
        return sorted.length == 0 ? Double.NaN : 1.0 - fractionAtOrBelow(threshold);
    }

    public double mean() {
        if (sorted.length == 0) return Double.NaN;
        double s = 0;
        for (double e : sorted) s += e;
        return s / sorted.length;
    }

    public double median() {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** The curve sampled at {@code steps + 1} evenly spaced thresholds from 0 to {@code max}. */
    public Points sample(double max, int steps) {
        double[] t = new double[steps + 1], f = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = max * i / steps;
            f[i] = fractionAtOrBelow(t[i]);
        }
        return new Points(t, f);
    }

    /** A sampled CED: {@code fractions[i]} of faces have error {@code <= thresholds[i]}. */
    public record Points(double[] thresholds, double[] fractions) { }
}
