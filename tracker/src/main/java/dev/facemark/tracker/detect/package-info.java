/**
 * The tracker's own detection concern over core's detector seam ({@link dev.facemark.core.detect.FaceDetector},
 * {@link dev.facemark.core.detect.Detection}, opened by {@link dev.facemark.core.detect.Detectors}):
 * {@link dev.facemark.tracker.detect.BackgroundDetector} runs a detector's slow half on its own
 * thread while every face is tracked. When to detect is decided by {@code track.FaceTracker}.
 */
package dev.facemark.tracker.detect;
