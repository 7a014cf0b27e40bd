package dev.facemark.core.detect;

import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;

/**
 * The first crop of a new face, from its detection: the estimated landmark box and the roll to crop
 * it at. THE one place both the tracker's first frame and the trainer's detector-box evaluation make it.
 *
 * <p>With keypoints (YuNet) the roll is the eye line's, so a rolled face is cropped upright as every
 * later frame already is; the box is then a square of the calibrated box's area, shifted by the
 * calibration's offset along the face's axes. Without keypoints (Haar), or when the face is upright
 * within {@link #UPRIGHT}, this is the calibration alone.
 *
 * @param box  estimated tight landmark box in source pixels, measured along the face's axes
 * @param roll radians, positive = clockwise on screen (as {@code CropFromLandmarks.roll})
 */
public record DetectionSeed(FaceBox box, float roll) {

    /** Rolls under this (radians, about 3 degrees) are taken as upright: no change from the plain calibration. */
    static final float UPRIGHT = 0.05f;

    public static DetectionSeed of(Detection d, DetectorCalibration cal, boolean derotate) {
        float roll = derotate && d.hasKeypoints() ? eyeRoll(d) : 0f;
        if (Math.abs(roll) < UPRIGHT) return new DetectionSeed(cal.toLandmarkBox(d.box()), 0f);
        FaceBox b = d.box();
        // A detector's box around a rolled face stays about the face's size but turns squarer (YuNet: 189 x 254 upright,
        // 226 x 227 at 60 degrees for the same face), so its area, not its sides, carries the scale.
        float side = (float) Math.sqrt(cal.sw() * cal.sh() * b.w() * b.h());
        double c = Math.cos(roll), s = Math.sin(roll);
        double ox = cal.dx() * b.w(), oy = cal.dy() * b.h(); // the calibration's shift, along the face's axes
        float cx = (float) (b.cx() + c * ox - s * oy), cy = (float) (b.cy() + s * ox + c * oy);
        return new DetectionSeed(FaceBox.ofCentre(cx, cy, side, side), roll);
    }

    /** Roll of the line from the subject's right eye to the left eye (upright: image left to right). */
    public static float eyeRoll(Detection d) {
        float dx = d.x(Keypoint.LEFT_EYE) - d.x(Keypoint.RIGHT_EYE), dy = d.y(Keypoint.LEFT_EYE) - d.y(Keypoint.RIGHT_EYE);
        return (float) Math.atan2(dy, dx);
    }
}
