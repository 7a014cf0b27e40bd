package dev.facemark.core.detect;

import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The first crop of a detection: the calibration alone when upright, turned with the eye line when rolled. */
class DetectionSeedTest {
    static final DetectorCalibration CAL = new DetectorCalibration("yunet", 0.0f, 0.2f, 1.0f, 0.8f);

    static Detection face(float cx, float cy, float w, float h, double rollDeg) {
        double a = Math.toRadians(rollDeg), half = 0.2 * w;
        float[] k = new float[2 * Keypoint.COUNT];
        k[Keypoint.RIGHT_EYE.x()] = (float) (cx - half * Math.cos(a)); k[Keypoint.RIGHT_EYE.x() + 1] = (float) (cy - half * Math.sin(a));
        k[Keypoint.LEFT_EYE.x()] = (float) (cx + half * Math.cos(a)); k[Keypoint.LEFT_EYE.x() + 1] = (float) (cy + half * Math.sin(a));
        return new Detection(FaceBox.ofCentre(cx, cy, w, h), 0.9f, k);
    }

    @Test
    void uprightIsTheCalibrationAlone() {
        Detection d = face(100, 100, 80, 100, 1);
        DetectionSeed s = DetectionSeed.of(d, CAL, true);
        assertEquals(0f, s.roll());
        assertEquals(CAL.toLandmarkBox(d.box()), s.box());
        assertEquals(CAL.toLandmarkBox(d.box()), DetectionSeed.of(new Detection(d.box(), 0.9f), CAL, true).box(), "no keypoints: no roll");
    }

    @Test
    void aRolledFaceTurnsTheCropAndTheShift() {
        Detection d = face(100, 100, 80, 100, 90); // lying on its right side: the face's down is the image's -x
        DetectionSeed s = DetectionSeed.of(d, CAL, true);
        assertEquals(Math.PI / 2, s.roll(), 1e-4);
        assertEquals(100 - 0.2f * 100, s.box().cx(), 1e-3, "the calibration's downward shift runs along the face");
        assertEquals(100, s.box().cy(), 1e-3);
        assertEquals(Math.sqrt(0.8 * 80 * 100), s.box().w(), 1e-3, "a square of the calibrated area");
        assertEquals(s.box().w(), s.box().h(), 1e-6);
        assertEquals(0f, DetectionSeed.of(d, CAL, false).roll(), "de-rotation off");
    }
}
