package dev.facemark.core.geom;

import dev.facemark.core.Snippet;

import java.util.Locale;

/**
 * Maps a face detector's box to an estimate of the tight landmark box, so that detector boxes
 * and landmark boxes go through the same {@link BoxPolicy}. Each detector draws its box
 * differently (Haar boxes are square and cut the chin; YuNet's include the forehead), so each has
 * its own numbers, fitted on training faces by {@code trainer calibrate}.
 *
 * <p>Estimated landmark box: centre = (cx + dx * w, cy + dy * h), size = (sw * w, sh * h).
 */
public record DetectorCalibration(String detector, float dx, float dy, float sw, float sh) {

    public static final DetectorCalibration IDENTITY = new DetectorCalibration("identity", 0f, 0f, 1f, 1f);
    /**
     * Fitted by {@code trainer calibrate --max-faces 1500} on 300-W + YouTube-Faces TRAIN faces with the shared
     * {@code HaarCascadeDetector} (1425 of 1500 matched; mean IoU with the landmark box 0.577 raw, 0.766 calibrated).
     * Re-run 2026-11-28 (session 2) after {@code MIN_FACE} went from 20 to 30 px: 1372 of 1500 matched (the smallest
     * faces are no longer detected), fit (0.0073, 0.168, 0.884, 0.857), IoU 0.577 -> 0.767: within 0.004 of these
     * numbers, so they are kept (changing them would only shift the evaluated numbers by noise).
     */
    public static final DetectorCalibration HAAR = new DetectorCalibration("haar", 0.006f, 0.169f, 0.883f, 0.860f);
    /**
     * Fitted 2026-11-28 by {@code trainer calibrate --detector yunet --data 300w,ytf --max-faces 1500 --seed 42}
     * ({@code --yunet-model ../shared/models/yunet_n_320_320.onnx}) on 300-W + YouTube-Faces TRAIN faces with the shared
     * {@code YuNetDetector} (320 px, score 0.6, NMS 0.3): 1500 of 1500 matched; mean IoU with the landmark box 0.680 raw,
     * 0.872 calibrated. YuNet boxes include the forehead and run taller than the landmarks, hence the downward shift and sh < 1.
     * Re-fit 2026-12-02 (session 5) with the packaged model behind the roll search ({@code RollSearchDetector}, now what
     * {@code --detector yunet} opens): 1500 of 1500 matched, (0.0112, 0.1360, 1.0582, 0.7554), IoU 0.680 -> 0.872: within
     * 0.004 of these numbers, so they are kept.
     */
    public static final DetectorCalibration YUNET = new DetectorCalibration("yunet", 0.011f, 0.136f, 1.055f, 0.755f);

    public FaceBox toLandmarkBox(FaceBox det) {
        return FaceBox.ofCentre(det.cx() + dx * det.w(), det.cy() + dy * det.h(), sw * det.w(), sh * det.h());
    }

    public String encode() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", dx, dy, sw, sh);
    }

    /**
     * Reads {@link #encode()}'s four numbers; IllegalArgumentException when there are not four finite
     * numbers with positive scales.
     */
    public static DetectorCalibration decode(String detector, String s) {
        String[] p = s.split(",", -1);
        if (p.length != 4) {
            throw new IllegalArgumentException("calibration for " + Snippet.quote(detector) + " needs 4 numbers, got " + Snippet.quote(s));
        }
        float[] v = new float[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Float.parseFloat(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("calibration for " + Snippet.quote(detector) + ": " + Snippet.quote(p[i]) + " is not a number");
            }
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("calibration for " + Snippet.quote(detector) + ": " + Snippet.quote(p[i]) + " is not finite");
            }
        }
        if (!(v[2] > 0 && v[3] > 0)) {
            throw new IllegalArgumentException("calibration for " + Snippet.quote(detector) + ": scales " + v[2] + ", " + v[3] + " must be > 0");
        }
        return new DetectorCalibration(detector, v[0], v[1], v[2], v[3]);
    }
}
