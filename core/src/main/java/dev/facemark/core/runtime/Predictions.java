package dev.facemark.core.runtime;

import dev.facemark.core.geom.CropTransform;

/**
 * The answer of one {@link LandmarkModel#predict} call, for every face of the batch. Owned and reused by
 * the model (no per-frame allocation): valid until the next {@code predict}; copy what you keep.
 */
public final class Predictions {
    private final int points;
    private final boolean heatmaps;
    private final int heatmapW, heatmapH;
    private float[][] landmarks = new float[0][];
    private float[][] inputLandmarks = new float[0][];
    private float[][] scores = new float[0][];
    private float[][] maps = new float[0][];
    private CropTransform[] crops = new CropTransform[0];
    private int count;
    long cropNanos, inferenceNanos, decodeNanos;

    private final ConfidenceCalibration calibration;
    private final FeatureConfidence features;
    private final int inputWidth;
    private float[] sorted = new float[0];
    private final double[] featureScratch = new double[ConfidenceFeatures.COUNT];

    Predictions(int points, boolean heatmaps, int heatmapW, int heatmapH) { this(points, heatmaps, heatmapW, heatmapH, null); }

    Predictions(int points, boolean heatmaps, int heatmapW, int heatmapH, ConfidenceCalibration calibration) {
        this(points, heatmaps, heatmapW, heatmapH, calibration, null, 0);
    }

    /** {@code features} (with the model's input width), when given, is the confidence; else {@code calibration}; else the raw mean. */
    Predictions(int points, boolean heatmaps, int heatmapW, int heatmapH, ConfidenceCalibration calibration,
                FeatureConfidence features, int inputWidth) {
        if (features != null && (features.points() != points || inputWidth <= 0)) {
            throw new IllegalArgumentException("a " + features.points() + "-point confidence for " + points + " points");
        }
        this.calibration = calibration;
        this.features = features;
        this.inputWidth = inputWidth;
        this.points = points;
        this.heatmaps = heatmaps;
        this.heatmapW = heatmapW;
        this.heatmapH = heatmapH;
    }

    void reset(int n) {
        if (landmarks.length < n) {
            int cap = Math.max(n, landmarks.length * 2);
            float[][] l = new float[cap][], il = new float[cap][], s = new float[cap][], m = new float[cap][];
            for (int i = 0; i < cap; i++) {
                l[i] = i < landmarks.length ? landmarks[i] : new float[2 * points];
                il[i] = i < inputLandmarks.length ? inputLandmarks[i] : new float[2 * points];
                if (heatmaps) {
                    s[i] = i < scores.length ? scores[i] : new float[points];
                    m[i] = i < maps.length ? maps[i] : new float[points * heatmapW * heatmapH];
                }
            }
            landmarks = l; inputLandmarks = il; scores = s; maps = m;
            crops = java.util.Arrays.copyOf(crops, cap);
        }
        count = n;
        cropNanos = inferenceNanos = decodeNanos = 0;
    }

    /** Keeps the first {@code n} faces (timings kept): flip testing folds the mirrored half away. */
    void truncate(int n) {
        if (n > count) throw new IllegalArgumentException("cannot grow from " + count + " to " + n);
        count = n;
    }

    void crop(int i, CropTransform t) { crops[i] = t; }
    float[] landmarkSlot(int i) { return landmarks[i]; }
    float[] inputSlot(int i) { return inputLandmarks[i]; }
    float[] scoreSlot(int i) { return scores[i]; }
    float[] mapSlot(int i) { return maps[i]; }

    /** Faces in this batch. */
    public int count() { return count; }
    public int points() { return points; }

    /** Face i's points in source pixels, interleaved {x0, y0, ...}. */
    public float[] landmarks(int i) { check(i); return landmarks[i]; }

    /** Face i's points in model-input pixels (before {@link CropTransform#toSource}). */
    public float[] inputLandmarks(int i) { check(i); return inputLandmarks[i]; }

    /** Per-point confidence in [0, 1] (heatmap peak mass), or null for coordinate regressors, which give none. */
    public float[] pointScores(int i) { check(i); return heatmaps ? scores[i] : null; }

    /** Mean of the per-point confidences, or NaN when the model gives none. */
    public float meanScore(int i) {
        if (!heatmaps) return Float.NaN;
        float s = 0f;
        for (float v : scores[i]) s += v;
        return s / points;
    }

    /** Whether {@link #confidence} is calibrated: a probability that the fit is good, comparable across models. */
    public boolean calibrated() { return (features != null || calibration != null) && heatmaps; }

    /**
     * Face i's confidence: the probability that the fit is good when the model carries a
     * {@link FeatureConfidence} (of {@link ConfidenceFeatures}) or else a {@link ConfidenceCalibration} (of
     * {@link #lowDecileScore}), else the raw {@link #meanScore}; NaN for models without heatmaps.
     */
    public float confidence(int i) {
        if (!heatmaps) return Float.NaN;
        check(i);
        if (features != null) {
            if (sorted.length < points) sorted = new float[points];
            return features.confidence(scores[i], inputLandmarks[i], inputWidth, sorted, featureScratch);
        }
        return calibration == null ? meanScore(i) : calibration.apply(lowDecileScore(i));
    }

    /** Face i's {@link ConfidenceFeatures} into {@code out} against {@code meanShape} (the fit's input); NaN without heatmaps. */
    public void confidenceFeatures(int i, float[] meanShape, int inputWidth, double[] out) {
        check(i);
        if (!heatmaps) { java.util.Arrays.fill(out, 0, ConfidenceFeatures.COUNT, Double.NaN); return; }
        if (sorted.length < points) sorted = new float[points];
        ConfidenceFeatures.compute(scores[i], inputLandmarks[i], points, inputWidth, meanShape, sorted, out);
    }

    /**
     * The lower decile of face i's point scores (NaN without heatmaps): a face is as sure as its least sure
     * points, which tells a good fit from a bad one better than the mean (the calibration's input).
     */
    public float lowDecileScore(int i) {
        if (!heatmaps) return Float.NaN;
        if (sorted.length < points) sorted = new float[points];
        System.arraycopy(scores[i], 0, sorted, 0, points);
        java.util.Arrays.sort(sorted, 0, points);
        return ConfidenceFeatures.lowerDecile(sorted, points);
    }

    /** Face i's heatmaps, planar [P][h][w] (each map sums to 1), or null when the model has none. */
    public float[] heatmaps(int i) { check(i); return heatmaps ? maps[i] : null; }

    public boolean hasHeatmaps() { return heatmaps; }
    public int heatmapWidth() { return heatmapW; }
    public int heatmapHeight() { return heatmapH; }

    /** The crop face i was cut with. */
    public CropTransform crop(int i) { check(i); return crops[i]; }

    /** Time spent cropping and normalising into the input buffer in the last call. */
    public long cropNanos() { return cropNanos; }
    /** Time spent inside ONNX Runtime in the last call. */
    public long inferenceNanos() { return inferenceNanos; }
    /** Time spent reading outputs back and mapping points to the source in the last call. */
    public long decodeNanos() { return decodeNanos; }

    private void check(int i) {
        if (i < 0 || i >= count) throw new IndexOutOfBoundsException("face " + i + " of " + count);
    }
}
