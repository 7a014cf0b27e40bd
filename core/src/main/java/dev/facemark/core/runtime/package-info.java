/**
 * The ONNX Runtime landmark model used by both {@code trainer eval} and the tracker
 * ({@link dev.facemark.core.runtime.LandmarkModel}): opened with
 * {@link dev.facemark.core.runtime.RuntimeOptions} (threads, and a {@link dev.facemark.core.runtime.Device},
 * CUDA falling back to the CPU), checked against its contract when opened
 * ({@link dev.facemark.core.runtime.ModelSignature}), then fed and decoded exactly as its
 * {@code ModelContract} says, all faces of a frame in one batch into reused
 * {@link dev.facemark.core.runtime.Predictions}. A heatmap model's face score comes from
 * {@link dev.facemark.core.runtime.HeatmapConfidence}, turned into a probability of a good fit by the
 * model's {@link dev.facemark.core.runtime.FeatureConfidence} (a logistic of the
 * {@link dev.facemark.core.runtime.ConfidenceFeatures}) or, for models calibrated before it, its
 * single-feature {@link dev.facemark.core.runtime.ConfidenceCalibration}, where it carries one.
 * {@link dev.facemark.core.runtime.KeptMemory} re-runs a JVM with the glibc allocator settings that long
 * trainings need.
 */
package dev.facemark.core.runtime;
