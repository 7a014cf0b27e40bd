package dev.facemark.tracker.face;

import dev.facemark.core.geom.FaceBox;

/**
 * One face in one frame: what the tracker outputs and what renderers, filters and writers consume.
 *
 * @param id          stable across frames while the face is tracked
 * @param box         tight box of the landmarks in source pixels
 * @param score       face confidence in [0, 1]
 * @param landmarks   smoothed points, interleaved {x0, y0, ...}, source pixels (pixel-centre convention)
 * @param pointScores per-point confidence in [0, 1], or null when the model gives none
 * @param pose        head pose, or null when not estimated
 * @param heatmaps    the model's maps, or null for coordinate regressors
 * @param fromDetector true when this frame's crop came from the face detector, false when from tracking
 * @param framesLost  frames since the face was last seen (0 when seen in this frame)
 */
public record TrackedFace(int id, FaceBox box, float score, float[] landmarks, float[] pointScores,
                          HeadPose pose, FaceHeatmaps heatmaps, boolean fromDetector, int framesLost) {
    public int pointCount() { return landmarks.length / 2; }
    public float x(int i) { return landmarks[2 * i]; }
    public float y(int i) { return landmarks[2 * i + 1]; }
}
