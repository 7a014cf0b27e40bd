package dev.facemark.tracker.track;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.tracker.face.FaceHeatmaps;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.smooth.LandmarkSmoother;
import dev.facemark.tracker.smooth.SmoothingParams;

/** One followed face: its latest points, where to crop next, and its filters. Mutable, owned by {@link FaceTracker}. */
final class Track {
    final int id;
    final float[] raw;
    final float[] smooth;
    final LandmarkSmoother smoother;
    CropTransform nextCrop;
    CropTransform answeredIn; // the crop this frame's accepted points came from
    FaceBox box;            // tight box of the raw points (or the calibrated detector box before the first answer)
    float score;
    float detectorScore;
    float[] pointScores;
    HeadPose pose;
    FaceHeatmaps maps;      // this frame's heatmaps, when the tracker keeps them
    float lastCx, lastCy;   // centre of the previous answer's raw points, valid while hasLast
    boolean hasLast;        // the previous frame was answered from this track's own crop: its move is a velocity
    long seededIn;          // the tracker's detection round that last seeded this track
    boolean fromDetector = true;
    boolean seen;           // has had at least one valid answer
    int framesLost;
    int detectionMisses;

    Track(int id, int points, SmoothingParams smoothing, FaceBox box, CropTransform crop, float detectorScore, long round) {
        this.id = id;
        this.raw = new float[2 * points];
        this.smooth = new float[2 * points];
        this.smoother = new LandmarkSmoother(points, smoothing);
        this.box = box;
        this.nextCrop = crop;
        this.detectorScore = detectorScore;
        this.score = detectorScore;
        this.seededIn = round;
    }

    /** Re-seed from a detector box (the track drifted or was lost). */
    void reseed(FaceBox landmarkBox, CropTransform crop, float detScore, long round) {
        if (framesLost > 0) smoother.reset(); // a face found again may have moved anywhere: no smoothing across the gap
        nextCrop = crop;
        box = landmarkBox;
        detectorScore = detScore;
        fromDetector = true;
        hasLast = false; // a jump to the detector's box is not a move of the face
        seededIn = round;
    }
}
