package dev.facemark.trainer.data;

import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calibration fit recovers a known detector-to-landmark-box mapping despite noise and outliers. */
class CalibrationFitTest {
    @Test
    void recoversKnownMapping() {
        DetectorCalibration truth = new DetectorCalibration("haar", 0.02f, 0.12f, 0.9f, 0.85f);
        Random r = new Random(1);
        CalibrationFit fit = new CalibrationFit();
        List<FaceBox[]> pairs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            float size = 40 + 200 * r.nextFloat();
            FaceBox det = FaceBox.ofCentre(100 + 300 * r.nextFloat(), 100 + 300 * r.nextFloat(), size, size);
            FaceBox lm = truth.toLandmarkBox(det);
            float n = i % 10 == 0 ? 0.3f : 0.02f; // every tenth face a bad match
            lm = FaceBox.ofCentre(lm.cx() + (float) r.nextGaussian() * n * size, lm.cy() + (float) r.nextGaussian() * n * size,
                    lm.w() * (1 + (float) r.nextGaussian() * n), lm.h() * (1 + (float) r.nextGaussian() * n));
            fit.add(det, lm);
            pairs.add(new FaceBox[] {det, lm});
        }
        DetectorCalibration c = fit.fit("haar");
        assertEquals(truth.dx(), c.dx(), 0.01);
        assertEquals(truth.dy(), c.dy(), 0.01);
        assertEquals(truth.sw(), c.sw(), 0.01);
        assertEquals(truth.sh(), c.sh(), 0.01);
        assertTrue(CalibrationFit.meanIou(pairs, c) > CalibrationFit.meanIou(pairs, DetectorCalibration.IDENTITY) + 0.1);
    }

    @Test
    void plausibleMatchesRejectOtherFaces() {
        FaceBox lm = new FaceBox(100, 100, 100, 110);
        assertTrue(CalibrationFit.plausible(FaceBox.ofCentre(150, 140, 120, 120), lm));
        assertFalse(CalibrationFit.plausible(FaceBox.ofCentre(300, 140, 120, 120), lm), "a face next to it");
        assertFalse(CalibrationFit.plausible(FaceBox.ofCentre(150, 150, 30, 30), lm), "far too small");
    }

    @Test
    void closestPlausibleSkipsNeighboursAndImplausibleBoxes() {
        FaceBox lm = new FaceBox(100, 100, 100, 110);
        FaceBox near = FaceBox.ofCentre(152, 150, 120, 120), nearer = FaceBox.ofCentre(150, 156, 110, 110);
        FaceBox tinyAtCentre = FaceBox.ofCentre(150, 155, 30, 30), neighbour = FaceBox.ofCentre(300, 150, 120, 120);
        assertEquals(nearer, CalibrationFit.closestPlausible(List.of(neighbour, near, tinyAtCentre, nearer), lm));
        assertEquals(null, CalibrationFit.closestPlausible(List.of(neighbour, tinyAtCentre), lm));
        assertEquals(null, CalibrationFit.closestPlausible(List.of(), lm));
    }
}
