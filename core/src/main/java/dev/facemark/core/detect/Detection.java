package dev.facemark.core.detect;

import dev.facemark.core.geom.FaceBox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One face detection, what every {@link FaceDetector} returns: the box in source pixels (the
 * detector's own notion of a face box, before any {@code DetectorCalibration}), its score in
 * [0, 1], and optionally the {@link Keypoint}s in source pixels, interleaved {@code {x, y}} in
 * {@link Keypoint} order (null when the detector has none).
 */
public record Detection(FaceBox box, float score, float[] keypoints) {

    public Detection {
        Objects.requireNonNull(box, "box");
        if (keypoints != null && keypoints.length != 2 * Keypoint.COUNT) {
            throw new IllegalArgumentException("a detection has " + Keypoint.COUNT + " keypoints (" + 2 * Keypoint.COUNT
                    + " numbers), got " + keypoints.length + " numbers");
        }
        keypoints = keypoints == null ? null : keypoints.clone();
    }

    /** A detection without keypoints. */
    public Detection(FaceBox box, float score) { this(box, score, null); }

    public boolean hasKeypoints() { return keypoints != null; }

    /** A copy of the interleaved keypoints, or null when the detector gave none. */
    @Override
    public float[] keypoints() { return keypoints == null ? null : keypoints.clone(); }

    /** The keypoint's x in source pixels. */
    public float x(Keypoint k) { return requireKeypoints()[k.x()]; }

    /** The keypoint's y in source pixels. */
    public float y(Keypoint k) { return requireKeypoints()[k.x() + 1]; }

    private float[] requireKeypoints() {
        if (keypoints == null) throw new IllegalStateException("this detection has no keypoints");
        return keypoints;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Detection d && box.equals(d.box) && Float.compare(score, d.score) == 0
                && Arrays.equals(keypoints, d.keypoints);
    }

    @Override
    public int hashCode() { return 31 * (31 * box.hashCode() + Float.hashCode(score)) + Arrays.hashCode(keypoints); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Detection[box=%s, score=%s%s]", box, score,
                keypoints == null ? "" : ", keypoints=" + Arrays.toString(keypoints));
    }
}
