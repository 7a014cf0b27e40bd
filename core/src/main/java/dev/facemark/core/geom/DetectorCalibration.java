package dev.facemark.core.geom;

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
    /** Fitted on the 300-W and YouTube-Faces training faces (see trainer calibrate). */
    public static final DetectorCalibration HAAR = new DetectorCalibration("haar", 0f, 0.10f, 0.90f, 0.85f);
    public static final DetectorCalibration YUNET = new DetectorCalibration("yunet", 0f, 0.06f, 1.05f, 0.90f);

    public FaceBox toLandmarkBox(FaceBox det) {
        return FaceBox.ofCentre(det.cx() + dx * det.w(), det.cy() + dy * det.h(), sw * det.w(), sh * det.h());
    }

    public String encode() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", dx, dy, sw, sh);
    }

    public static DetectorCalibration decode(String detector, String s) {
        String[] p = s.split(",");
        if (p.length != 4) throw new IllegalArgumentException("calibration for " + detector + " needs 4 numbers, got '" + s + "'");
        return new DetectorCalibration(detector, Float.parseFloat(p[0].trim()), Float.parseFloat(p[1].trim()),
                Float.parseFloat(p[2].trim()), Float.parseFloat(p[3].trim()));
    }
}
