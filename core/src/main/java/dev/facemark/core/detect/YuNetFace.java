package dev.facemark.core.detect;

import dev.facemark.core.geom.FaceBox;

/**
 * One YuNet detection: the box in source pixels (YuNet's own box, before any
 * {@code DetectorCalibration}) and the network's face score in [0, 1].
 */
public record YuNetFace(FaceBox box, float score) {}
