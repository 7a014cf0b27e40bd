/**
 * Face detection, the one seam the tracker and the trainer share: the {@link
 * dev.facemark.core.detect.FaceDetector} interface, the one {@link dev.facemark.core.detect.Detection}
 * value (box, score, optional {@link dev.facemark.core.detect.Keypoint}s), the two implementations
 * ({@link dev.facemark.core.detect.HaarCascadeDetector}, {@link dev.facemark.core.detect.YuNetDetector},
 * both on a {@link dev.facemark.core.detect.Downscale}d frame) and the factory that parses the one
 * {@code --detector} spelling ({@link dev.facemark.core.detect.Detectors}). Boxes are raw: the
 * model contract's {@code DetectorCalibration}, keyed by {@link dev.facemark.core.detect.FaceDetector#name()},
 * turns them into landmark boxes.
 */
package dev.facemark.core.detect;
