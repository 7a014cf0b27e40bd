package dev.facemark.tracker.track;

import dev.facemark.tracker.smooth.SmoothingParams;

/**
 * How the tracker decides when to detect, when a face is lost and when two tracks are one face.
 *
 * @param detectEvery    run the detector at least every N frames to pick up new faces (0 = only when needed)
 * @param maxLost        drop a track after this many frames without a valid answer
 * @param minScore       mean per-point confidence (heatmap peak mass) below which a heatmap model's face counts
 *                       as lost. A flat 28x28 map scores 9/784 = 0.011 and a Gaussian blob of sigma 5 px
 *                       about 0.06; soft-argmax models trained on coordinates alone can have broad maps, so
 *                       the default, 0.03, only rejects maps that are close to flat (an untrained model's
 *                       score 0.016). Calibrate it on a trained model's faces and non-faces.
 * @param maxMisses      regressors give no confidence: drop a track the detector failed to confirm this many detection rounds in a row
 * @param matchDistance  a detection belongs to a track when their centres are closer than this times the face size
 * @param reseedIoU      a matched detection re-seeds the track's crop when the track's box overlaps it less than this
 * @param mergeIoU       two tracks overlapping more than this are the same face: the younger one goes
 * @param derotate       crop along the eye line (undo head roll) when tracking
 * @param maxFaces       most faces tracked at once
 * @param pose           estimate head pose
 * @param keepHeatmaps   copy heatmaps into the results (for renderers; costs a copy per face)
 * @param asyncDetection while every face is tracked, run the periodic detection on a background thread and
 *                       apply its boxes a frame or more later, off the pipeline's critical path (detection
 *                       that is needed - no faces, a face lost - always runs in line)
 */
public record TrackerParams(int detectEvery, int maxLost, float minScore, int maxMisses, float matchDistance,
                            float reseedIoU, float mergeIoU, boolean derotate, int maxFaces, boolean pose,
                            boolean keepHeatmaps, SmoothingParams smoothing, boolean asyncDetection) {

    public static final TrackerParams DEFAULT = new TrackerParams(10, 5, 0.03f, 3, 0.6f, 0.5f, 0.5f, true, 8,
            true, false, SmoothingParams.DEFAULT, false);

    public TrackerParams {
        if (detectEvery < 0 || maxLost < 0 || maxFaces < 1 || maxMisses < 1) throw new IllegalArgumentException("bad tracker parameters");
    }

    public TrackerParams withDetectEvery(int n) {
        return new TrackerParams(n, maxLost, minScore, maxMisses, matchDistance, reseedIoU, mergeIoU, derotate, maxFaces, pose, keepHeatmaps, smoothing, asyncDetection);
    }

    public TrackerParams withSmoothing(SmoothingParams s) {
        return new TrackerParams(detectEvery, maxLost, minScore, maxMisses, matchDistance, reseedIoU, mergeIoU, derotate, maxFaces, pose, keepHeatmaps, s, asyncDetection);
    }

    public TrackerParams withMinScore(float s) {
        return new TrackerParams(detectEvery, maxLost, s, maxMisses, matchDistance, reseedIoU, mergeIoU, derotate, maxFaces, pose, keepHeatmaps, smoothing, asyncDetection);
    }

    public TrackerParams withHeatmaps(boolean keep) {
        return new TrackerParams(detectEvery, maxLost, minScore, maxMisses, matchDistance, reseedIoU, mergeIoU, derotate, maxFaces, pose, keep, smoothing, asyncDetection);
    }

    public TrackerParams withAsyncDetection(boolean async) {
        return new TrackerParams(detectEvery, maxLost, minScore, maxMisses, matchDistance, reseedIoU, mergeIoU, derotate, maxFaces, pose, keepHeatmaps, smoothing, async);
    }
}
