package dev.facemark.trainer.data;

import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.metrics.Median;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a {@link DetectorCalibration} from pairs of (detector box, landmark box) on training faces:
 * the median offset of the landmark box centre and the median size ratios, robust to the odd bad
 * match. Medians of ratios, so the fit does not depend on face size.
 */
public final class CalibrationFit {
    private final List<float[]> pairs = new ArrayList<>();

    /** Adds one matched face: detector box and the tight box of its ground-truth landmarks. */
    public void add(FaceBox detection, FaceBox landmarks) {
        pairs.add(new float[] {(landmarks.cx() - detection.cx()) / detection.w(), (landmarks.cy() - detection.cy()) / detection.h(),
                landmarks.w() / detection.w(), landmarks.h() / detection.h()});
    }

    public int size() { return pairs.size(); }

    public DetectorCalibration fit(String detector) {
        if (pairs.isEmpty()) throw new IllegalStateException("no matched faces to calibrate " + detector + " on");
        return new DetectorCalibration(detector, median(0), median(1), median(2), median(3));
    }

    /** Mean IoU between the calibrated detector boxes and the landmark boxes (how well the fit explains the data). */
    public static double meanIou(List<FaceBox[]> detAndTruth, DetectorCalibration c) {
        return detAndTruth.stream().mapToDouble(p -> c.toLandmarkBox(p[0]).iou(p[1])).average().orElse(Double.NaN);
    }

    /**
     * Whether a detection plausibly belongs to a face with this landmark box (before calibration the
     * boxes differ in size and place, so IoU is a poor test): centres close, sizes comparable.
     */
    public static boolean plausible(FaceBox det, FaceBox landmarks) {
        float size = Math.max(landmarks.w(), landmarks.h());
        double d = Math.hypot(det.cx() - landmarks.cx(), det.cy() - landmarks.cy());
        float ratio = det.w() / size;
        return d < 0.35 * size && ratio > 0.6f && ratio < 2.0f;
    }

    /** The {@link #plausible} detection whose centre is closest to the landmark box's, or null when none is plausible. */
    public static FaceBox closestPlausible(List<FaceBox> dets, FaceBox landmarks) {
        FaceBox best = null;
        double bestD = Double.MAX_VALUE;
        for (FaceBox d : dets) {
            if (!plausible(d, landmarks)) continue;
            double dist = Math.hypot(d.cx() - landmarks.cx(), d.cy() - landmarks.cy());
            if (dist < bestD) { bestD = dist; best = d; }
        }
        return best;
    }

    private float median(int k) {
        float[] v = new float[pairs.size()];
        for (int i = 0; i < v.length; i++) v[i] = pairs.get(i)[k];
        return Median.of(v);
    }
}
