package dev.facemark.core.detect;

/**
 * The five face keypoints a detector may find with a face (YuNet does, Haar does not), in the order
 * they are stored in {@link Detection#keypoints()}. Right and left are the subject's, as in the
 * iBUG 68 scheme's {@code right_eye} and {@code left_eye} groups: on a frontal face the right eye
 * is on the image's left.
 */
public enum Keypoint {
    RIGHT_EYE, LEFT_EYE, NOSE_TIP, RIGHT_MOUTH_CORNER, LEFT_MOUTH_CORNER;

    /** How many keypoints a detection with keypoints has. */
    public static final int COUNT = values().length;

    /** Index of this keypoint's x in the interleaved {@code {x0, y0, x1, y1, ...}} array; y follows it. */
    public int x() { return 2 * ordinal(); }
}
