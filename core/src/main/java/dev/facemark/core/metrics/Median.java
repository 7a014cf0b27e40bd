package dev.facemark.core.metrics;

import java.util.Arrays;

/** The median of a sample (the mean of the two middle values for an even count), leaving the input unsorted. */
public final class Median {
    private Median() { }

    /** NaN for an empty sample. */
    public static double of(double[] values) {
        int n = values.length;
        if (n == 0) return Double.NaN;
        double[] s = values.clone();
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** NaN for an empty sample. */
    public static float of(float[] values) {
        int n = values.length;
        if (n == 0) return Float.NaN;
        float[] s = values.clone();
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : 0.5f * (s[n / 2 - 1] + s[n / 2]);
    }
}
