package dev.facemark.tracker.detect;

import dev.facemark.core.geom.FaceBox;

/** A face detector's box in source pixels (its own notion of a face box, before calibration) and its score in [0, 1]. */
public record Detection(FaceBox box, float score) {}
