package dev.facemark.core.runtime;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a heatmap model's raw per-face score (the lower decile of its points' peak masses,
 * {@link HeatmapConfidence}: around 0.1 for a well-fitted face, because soft-argmax maps are broad) into a
 * confidence that means something: the probability that the fit is good (NME under {@link #GOOD_NME} of
 * the inter-ocular distance), {@code 1 / (1 + exp(-(a ln m + b)))}. Fitted per model on held-out faces by
 * {@code trainer calibrate-confidence} and stored in the ONNX metadata under {@value #KEY}; a model
 * without it reports the raw score as before.
 */
public record ConfidenceCalibration(float a, float b) {
    public static final String KEY = "facemark.confidence.low_decile_logistic";
    /** What "a good fit" means for the fitted probability: NME (inter-ocular) under 8%. */
    public static final double GOOD_NME = 0.08;

    public ConfidenceCalibration {
        if (!Float.isFinite(a) || !Float.isFinite(b)) throw new IllegalArgumentException("confidence calibration needs finite a, b");
    }

    /** The probability of a good fit for raw score {@code m}; NaN stays NaN. */
    public float apply(float m) {
        if (Float.isNaN(m)) return Float.NaN;
        double z = a * Math.log(Math.max(1e-6f, m)) + b;
        return (float) (1 / (1 + Math.exp(-z)));
    }

    public String encode() { return String.format(Locale.ROOT, "%s,%s", a, b); }

    /** The calibration stored in a model's metadata, or null when it has none (or a malformed one). */
    public static ConfidenceCalibration fromMetadata(Map<String, String> metadata) {
        String v = metadata.get(KEY);
        if (v == null) return null;
        String[] p = v.split(",", -1);
        if (p.length != 2) return null;
        try {
            return new ConfidenceCalibration(Float.parseFloat(p[0].trim()), Float.parseFloat(p[1].trim()));
        } catch (IllegalArgumentException e) {
            return null; // a bad optional entry falls back to the raw score rather than refusing the model
        }
    }
}
