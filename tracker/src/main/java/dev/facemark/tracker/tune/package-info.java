/**
 * Motion clips with a known ground truth, and what is measured on them, for {@code tracker tune-smoothing}
 * and {@code tracker motion-score}: a labelled face photo moved on a 640x480 canvas by a
 * {@link dev.facemark.tracker.tune.MotionScript} (still, smooth and fast segments), with motion blur and
 * sensor noise ({@link dev.facemark.tracker.tune.MotionClip}); the real tracker's raw points over it,
 * recorded with smoothing off ({@link dev.facemark.tracker.tune.ClipRecorder},
 * {@link dev.facemark.tracker.tune.Recording}); and smoothers replayed offline, scored and chosen
 * ({@link dev.facemark.tracker.tune.SmoothingReplay}, {@link dev.facemark.tracker.tune.SmoothingSearch},
 * {@link dev.facemark.tracker.tune.TrackingScore}). Errors are core's inter-ocular NME. The commands
 * themselves live in {@code cli}.
 */
package dev.facemark.tracker.tune;
