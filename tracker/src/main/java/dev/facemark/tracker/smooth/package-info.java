/**
 * Temporal smoothing of one face's landmarks: {@link dev.facemark.tracker.smooth.LandmarkSmoother}, one per
 * track, runs the filter its {@link dev.facemark.tracker.smooth.SmoothingParams} name: off, One Euro
 * ({@link dev.facemark.tracker.smooth.OneEuroFilter} per coordinate), MediaPipe's relative-velocity filter,
 * a Kalman filter, or the default face-aligned filter, which smooths the face's similarity transform and its
 * shape in the face's own frame, each with an adaptive cutoff. Speeds are in face sizes per second and noise
 * in face sizes, so a setting means the same for a near and a far face; each kind has a one-word spelling
 * that {@code tracker tune-smoothing} prints and takes ({@code tracker/SMOOTHING.md}).
 */
package dev.facemark.tracker.smooth;
