/**
 * Detect, then follow: {@link dev.facemark.tracker.track.FaceTracker} decides when the detector
 * runs (no face, a lost face, every {@code --detect-every} frames), matches its calibrated boxes to
 * the {@link dev.facemark.tracker.track.Track}s ({@link dev.facemark.tracker.track.DetectionMatcher}),
 * crops each next frame from the previous landmarks and keeps ids stable; {@link
 * dev.facemark.tracker.track.TrackerParams} holds the knobs.
 */
package dev.facemark.tracker.track;
