package dev.facemark.core.detect;

import dev.facemark.core.geom.FaceBox;

/**
 * One Haar cascade detection: the box in source pixels (the cascade's own box, before any
 * {@code DetectorCalibration}) and how many raw detections were merged into it.
 */
public record HaarFace(FaceBox box, int neighbours) {

    /**
     * The share of neighbouring raw detections that voted for the box, capped at 1: an honest if
     * coarse confidence, since OpenCV's cascade has no calibrated probability.
     */
    public float score() {
        return Math.min(1f, neighbours / (4f * HaarCascadeDetector.MIN_NEIGHBOURS));
    }
}
