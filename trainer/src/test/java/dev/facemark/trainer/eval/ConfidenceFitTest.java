package dev.facemark.trainer.eval;

import dev.facemark.core.runtime.ConfidenceCalibration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logistic fit recovers a known P(good | score), and the AUC is the rank statistic. */
class ConfidenceFitTest {
    @Test
    void recoversAKnownLogisticAndRanksCorrectly() {
        ConfidenceCalibration truth = new ConfidenceCalibration(6f, 15f);
        Random r = new Random(1);
        List<ConfidenceFit.Sample> s = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            float score = (float) Math.exp(-4 + 2.5 * r.nextDouble()); // 0.018 .. 0.22, the range real scores span
            s.add(new ConfidenceFit.Sample("aligned", score, r.nextDouble() < truth.apply(score)));
        }
        ConfidenceCalibration fit = ConfidenceFit.fit(s);
        assertEquals(truth.a(), fit.a(), 0.6, "slope");
        for (float m : new float[] {0.03f, 0.08f, 0.15f}) assertEquals(truth.apply(m), fit.apply(m), 0.03, "P(good) at " + m);
        double auc = ConfidenceFit.auc(s);
        assertTrue(auc > 0.7 && auc < 1, "an informative score: " + auc);
        List<ConfidenceFit.Sample> perfect = List.of(new ConfidenceFit.Sample("a", 0.2f, true), new ConfidenceFit.Sample("a", 0.1f, false),
                new ConfidenceFit.Sample("a", 0.1f, true));
        assertEquals(0.75, ConfidenceFit.auc(perfect), 1e-9, "a tie counts half");
    }

    @Test
    void theCalibrationRoundTripsThroughMetadataAndBadEntriesFallBack() {
        ConfidenceCalibration c = new ConfidenceCalibration(5.8f, 15.4f);
        assertEquals(c, ConfidenceCalibration.fromMetadata(Map.of(ConfidenceCalibration.KEY, c.encode())));
        assertNull(ConfidenceCalibration.fromMetadata(Map.of()));
        assertNull(ConfidenceCalibration.fromMetadata(Map.of(ConfidenceCalibration.KEY, "x,1")));
        assertTrue(c.apply(0.09f) > 0.7f && c.apply(0.04f) < 0.1f);
        assertTrue(Float.isNaN(c.apply(Float.NaN)));
    }
}
