package dev.facemark.tracker.pose;

import dev.facemark.tracker.face.HeadPose;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_SQPNP;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

/**
 * Head pose from 68-point landmarks: solvePnP of six points against {@link MeanFace3D}, with an
 * ideal pinhole camera (focal length = image width, principal point = image centre, no
 * distortion) since webcams are not calibrated. SQPnP (Terzakis and Lourakis, 2020) finds the global
 * optimum without a starting guess, so consecutive frames cannot jump between local solutions, and
 * it is several times cheaper than the iterative Levenberg-Marquardt solver on a tracker's budget.
 *
 * <p>Angles, degrees, from R = Rz(roll) * Ry(yaw) * Rx(pitch) in OpenCV camera axes (x right, y down,
 * z forward): yaw &gt; 0 = the face points towards the image's left, pitch &gt; 0 = it looks down,
 * roll &gt; 0 = tilted clockwise on screen (the crop angle's convention). Not thread-safe: reuses its Mats.
 */
public final class HeadPoseEstimator implements AutoCloseable {
    private final Mat object = new Mat(6, 1, org.bytedeco.opencv.global.opencv_core.CV_64FC3);
    private final Mat image = new Mat(6, 1, org.bytedeco.opencv.global.opencv_core.CV_64FC2);
    private final Mat camera = new Mat(3, 3, CV_64F);
    private final Mat dist = new Mat();
    private final Mat rvec = new Mat(3, 1, CV_64F);
    private final Mat tvec = new Mat(3, 1, CV_64F);
    private final Mat rot = new Mat(3, 3, CV_64F);

    public HeadPoseEstimator() {
        try (DoubleIndexer o = object.createIndexer()) {
            for (int i = 0; i < 6; i++) for (int k = 0; k < 3; k++) o.put(i, 0, k, MeanFace3D.POINTS[3 * i + k]);
        }
    }

    /**
     * @param landmarks iBUG-68 points, interleaved, source pixels
     * @return the pose, or null when solvePnP fails or the landmarks are not 68 points
     */
    /** Below this spread of the pose points (px) the fit is meaningless and SQPnP refuses it. */
    static final double MIN_SPREAD_PX = 2.0;

    public HeadPose estimate(float[] landmarks, int width, int height) {
        if (landmarks.length != 136) return null;
        if (poseSpread(landmarks) < MIN_SPREAD_PX) return null; // collapsed points: SQPnP asserts on them
        double f = width, cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
        try (DoubleIndexer im = image.createIndexer(); DoubleIndexer k = camera.createIndexer()) {
            for (int i = 0; i < 6; i++) {
                int p = MeanFace3D.IBUG_INDICES[i];
                im.put(i, 0, 0, landmarks[2 * p]);
                im.put(i, 0, 1, landmarks[2 * p + 1]);
            }
            k.put(0, 0, f); k.put(0, 1, 0); k.put(0, 2, cx);
            k.put(1, 0, 0); k.put(1, 1, f); k.put(1, 2, cy);
            k.put(2, 0, 0); k.put(2, 1, 0); k.put(2, 2, 1);
        }
        boolean ok;
        try {
            ok = solvePnP(object, image, camera, dist, rvec, tvec, false, SOLVEPNP_SQPNP);
        } catch (RuntimeException e) {
            return null; // an OpenCV assertion on a degenerate configuration: no pose for this frame, the run goes on
        }
        if (!ok) return null;
        Rodrigues(rvec, rot);
        double[] r = new double[9], t = new double[3];
        try (DoubleIndexer ri = rot.createIndexer(); DoubleIndexer ti = tvec.createIndexer()) {
            for (int i = 0; i < 9; i++) r[i] = ri.get(i / 3, i % 3);
            for (int i = 0; i < 3; i++) t[i] = ti.get(i, 0);
        }
        if (!(t[2] > 0) || !Double.isFinite(t[2])) return null; // behind the camera: a degenerate fit
        double pitch = Math.toDegrees(Math.atan2(r[7], r[8]));
        double yaw = Math.toDegrees(Math.atan2(-r[6], Math.hypot(r[7], r[8])));
        double roll = Math.toDegrees(Math.atan2(r[3], r[0]));
        return new HeadPose((float) yaw, (float) pitch, (float) roll, r, t, f, cx, cy);
    }

    /** Root-mean-square distance of the six pose points from their mean, in pixels. */
    static double poseSpread(float[] landmarks) {
        double mx = 0, my = 0;
        int n = MeanFace3D.IBUG_INDICES.length;
        for (int p : MeanFace3D.IBUG_INDICES) { mx += landmarks[2 * p]; my += landmarks[2 * p + 1]; }
        mx /= n; my /= n;
        double ss = 0;
        for (int p : MeanFace3D.IBUG_INDICES) {
            double dx = landmarks[2 * p] - mx, dy = landmarks[2 * p + 1] - my;
            ss += dx * dx + dy * dy;
        }
        return Math.sqrt(ss / n);
    }

    @Override
    public void close() {
        object.close(); image.close(); camera.close(); dist.close(); rvec.close(); tvec.close(); rot.close();
    }
}
