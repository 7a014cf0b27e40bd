package dev.facemark.tracker.pose;

/**
 * A 6-point 3D mean face for head pose, in millimetres, in camera-aligned axes: x to the image's
 * right, y down, z away from the camera, origin at the nose tip. These are the widely used
 * generic-face coordinates (nose tip, chin, outer eye corners, mouth corners; published e.g. in
 * the LearnOpenCV head-pose tutorial, 2016) scaled from their ~0.2 mm units to millimetres and
 * with y and z flipped into OpenCV's camera convention, so a frontal face has rotation ~ identity.
 */
public final class MeanFace3D {
    private MeanFace3D() {}

    /** iBUG-68 indices of the six points: nose tip, chin, image-left eye outer corner, image-right eye outer corner, mouth corners. */
    public static final int[] IBUG_INDICES = {30, 8, 36, 45, 48, 54};

    /** x, y, z per point, millimetres. */
    public static final double[] POINTS = {
            0.0, 0.0, 0.0,        // nose tip
            0.0, 66.0, 13.0,      // chin
            -45.0, -34.0, 27.0,   // outer corner of the eye on the image's left (iBUG 36)
            45.0, -34.0, 27.0,    // outer corner of the eye on the image's right (iBUG 45)
            -30.0, 30.0, 25.0,    // mouth corner, image left (iBUG 48)
            30.0, 30.0, 25.0,     // mouth corner, image right (iBUG 54)
    };
}
