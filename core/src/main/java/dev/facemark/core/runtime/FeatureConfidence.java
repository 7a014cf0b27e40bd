package dev.facemark.core.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A heatmap model's face confidence from several features of the face ({@link ConfidenceFeatures}: the
 * lower decile, median, mean and spread of the point scores, and how face-like and how well framed the
 * points are): the probability that the fit is good (NME under {@link ConfidenceCalibration#GOOD_NME}),
 * {@code 1 / (1 + exp(-(bias + sum_k weights[k] (f_k - mean[k]) / sd[k])))}, a logistic regression on
 * standardised features. Fitted per model on held-out training faces by {@code trainer calibrate-confidence}
 * and stored in the ONNX metadata under {@value #KEY}; it takes precedence over the single-feature
 * {@link ConfidenceCalibration}, which a model without it (or with a malformed one) still uses.
 *
 * <p>Encoding, version 1: {@code v1;features=NAME,...;mean=...;sd=...;weights=...;bias=B;shape=x0,y0,...},
 * numbers comma-separated. The feature names must be {@link ConfidenceFeatures#NAMES} in order (a future
 * feature set is a new version), every number finite, every sd positive, the shape 2 values per point.
 *
 * @param mean      each feature's mean on the fit's crops (the standardisation)
 * @param sd        each feature's standard deviation there
 * @param weights   the logistic's weight on each standardised feature
 * @param shape     the training faces' mean shape in model-input-width units, interleaved
 */
public record FeatureConfidence(double[] mean, double[] sd, double[] weights, double bias, float[] shape) {
    public static final String KEY = "facemark.confidence.features_logistic";
    public static final String VERSION = "v1";

    public FeatureConfidence {
        int n = ConfidenceFeatures.COUNT;
        if (mean.length != n || sd.length != n || weights.length != n) throw new IllegalArgumentException("need " + n + " means, sds and weights");
        if (!Double.isFinite(bias)) throw new IllegalArgumentException("bias not finite");
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(mean[k]) || !Double.isFinite(weights[k]) || !(sd[k] > 0) || !Double.isFinite(sd[k])) {
                throw new IllegalArgumentException("feature " + ConfidenceFeatures.NAMES.get(k) + ": mean, weight must be finite, sd positive");
            }
        }
        if (shape.length < 4 || shape.length % 2 != 0) throw new IllegalArgumentException("mean shape needs 2 values per point");
        for (float v : shape) if (!Float.isFinite(v)) throw new IllegalArgumentException("mean shape not finite");
        mean = mean.clone(); sd = sd.clone(); weights = weights.clone(); shape = shape.clone();
    }

    /** Points of the mean shape (must be the model's point count). */
    public int points() { return shape.length / 2; }

    /** The probability of a good fit for features {@code f} ({@link ConfidenceFeatures#compute}); NaN stays NaN. */
    public float apply(double[] f) {
        double z = bias;
        for (int k = 0; k < ConfidenceFeatures.COUNT; k++) z += weights[k] * (f[k] - mean[k]) / sd[k];
        if (Double.isNaN(z)) return Float.NaN;
        return (float) (1 / (1 + Math.exp(-z)));
    }

    /** The confidence of one face from its scores and input-pixel points; {@code sorted} and {@code f} are scratch. */
    public float confidence(float[] scores, float[] inputPoints, int inputWidth, float[] sorted, double[] f) {
        ConfidenceFeatures.compute(scores, inputPoints, points(), inputWidth, shape, sorted, f);
        return apply(f);
    }

    public String encode() {
        return VERSION + ";features=" + String.join(",", ConfidenceFeatures.NAMES) + ";mean=" + join(mean) + ";sd=" + join(sd)
                + ";weights=" + join(weights) + ";bias=" + num(bias) + ";shape=" + join(shape);
    }

    /** The entry in a model's metadata, or null when it has none or a malformed one (the caller falls back). */
    public static FeatureConfidence fromMetadata(Map<String, String> metadata) {
        String v = metadata.get(KEY);
        return v == null ? null : decode(v);
    }

    /** Parses {@link #encode}'s text; null when it is not a valid version-1 entry. */
    public static FeatureConfidence decode(String v) {
        String[] parts = v.trim().split(";", -1);
        if (parts.length != 7 || !parts[0].trim().equals(VERSION)) return null;
        String[] keys = {"features", "mean", "sd", "weights", "bias", "shape"};
        String[] values = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String p = parts[i + 1].trim();
            if (!p.startsWith(keys[i] + "=")) return null;
            values[i] = p.substring(keys[i].length() + 1);
        }
        if (!Arrays.stream(values[0].split(",", -1)).map(String::trim).toList().equals(ConfidenceFeatures.NAMES)) return null;
        try {
            double[] bias = doubles(values[4]);
            double[] shape = doubles(values[5]);
            if (bias.length != 1) return null;
            float[] s = new float[shape.length];
            for (int i = 0; i < s.length; i++) s[i] = (float) shape[i];
            return new FeatureConfidence(doubles(values[1]), doubles(values[2]), doubles(values[3]), bias[0], s);
        } catch (IllegalArgumentException e) {
            return null; // a bad optional entry falls back rather than refusing the model
        }
    }

    private static double[] doubles(String csv) {
        String[] p = csv.split(",", -1);
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) d[i] = Double.parseDouble(p[i].trim()); // NumberFormatException is an IllegalArgumentException
        return d;
    }

    private static String num(double d) { return String.format(Locale.ROOT, "%.6g", d); }

    private static String join(double[] d) {
        StringBuilder b = new StringBuilder();
        for (double x : d) b.append(b.length() == 0 ? "" : ",").append(num(x));
        return b.toString();
    }

    private static String join(float[] d) {
        StringBuilder b = new StringBuilder();
        for (float x : d) b.append(b.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", x));
        return b.toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof FeatureConfidence c && Arrays.equals(mean, c.mean) && Arrays.equals(sd, c.sd) && Arrays.equals(weights, c.weights)
                && bias == c.bias && Arrays.equals(shape, c.shape);
    }

    @Override public int hashCode() { return Arrays.hashCode(weights) * 31 + Double.hashCode(bias); }

    @Override public String toString() {
        return "FeatureConfidence" + Arrays.toString(weights) + " bias " + num(bias) + ", " + points() + "-point shape";
    }

    /** The accessors hand out copies: the record stays immutable. */
    @Override public double[] mean() { return mean.clone(); }
    @Override public double[] sd() { return sd.clone(); }
    @Override public double[] weights() { return weights.clone(); }
    @Override public float[] shape() { return shape.clone(); }
}
