package dev.facemark.trainer.eval;

import dev.facemark.core.runtime.ConfidenceCalibration;
import dev.facemark.core.runtime.ConfidenceFeatures;
import dev.facemark.core.runtime.FeatureConfidence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logistic fits recover a known P(good | features), the kinds are weighted by their shares, and the AUC is the rank statistic. */
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

    /**
     * Synthetic crops: good fits have a high score and a small shape residual, bad ones not; the shape term
     * alone separates what the score does not. The several-feature fit must beat the lower-decile one, and
     * weighting by the kinds' shares must hold when one kind is rarer.
     */
    private static LogisticFit.Model unweighted(List<ConfidenceFit.Sample> s) {
        double[][] x = s.stream().map(ConfidenceFit.Sample::features).toArray(double[][]::new);
        boolean[] y = new boolean[s.size()];
        for (int i = 0; i < y.length; i++) y[i] = s.get(i).good();
        return LogisticFit.fit(x, y, null, ConfidenceFit.LAMBDA);
    }

    @Test
    void theFeatureFitUsesTheShapeTermAndWeighsTheKindsByTheirShares() {
        Random r = new Random(2);
        List<ConfidenceFit.Sample> s = new ArrayList<>();
        float[] shape = new float[136];
        for (int i = 0; i < shape.length; i++) shape[i] = 0.3f + 0.4f * r.nextFloat();
        for (int i = 0; i < 6000; i++) {
            String kind = i % 10 < 4 ? ConfidenceFit.ALIGNED : i % 10 < 7 ? ConfidenceFit.DRIFTED : ConfidenceFit.BACKGROUND;
            boolean good = kind.equals(ConfidenceFit.ALIGNED) && r.nextDouble() < 0.9;
            double low = good ? -2.5 + 0.35 * r.nextGaussian() : -2.9 + 0.35 * r.nextGaussian();
            double residual = good ? -3.4 + 0.3 * r.nextGaussian() : -2.7 + 0.3 * r.nextGaussian();
            double[] f = {low, low + 0.5, low + 0.7, 0.5 + 0.05 * r.nextGaussian(), residual, 0.3 * r.nextDouble(), 0.1 * r.nextDouble()};
            s.add(new ConfidenceFit.Sample(kind, (float) Math.exp(low), f, good));
        }
        ConfidenceFit.Result res = ConfidenceFit.fitAll(s, shape);
        FeatureConfidence fc = res.features();
        assertEquals(ConfidenceFeatures.COUNT, fc.weights().length);
        assertTrue(fc.weights()[4] < -0.5, "a larger shape residual means a worse fit: " + fc);
        assertTrue(res.auc() > res.aucLowDecile() + 0.05, "the shape term separates more: " + res.auc() + " vs " + res.aucLowDecile());
        assertTrue(res.medianConfidence(ConfidenceFit.ALIGNED) > 0.8, "aligned " + res.medianConfidence(ConfidenceFit.ALIGNED));
        assertTrue(res.medianConfidence(ConfidenceFit.BACKGROUND) < 0.1, "background " + res.medianConfidence(ConfidenceFit.BACKGROUND));
        assertEquals(fc.encode(), FeatureConfidence.decode(fc.encode()).encode(), "what the command writes reads back");

        // A subset of the features: the others carry weight 0, and the entry is still a valid v1 one.
        FeatureConfidence sub = ConfidenceFit.fitFeatures(s, shape, List.of("ln_low_decile", "ln_shape_residual"));
        double[] sw = sub.weights();
        assertTrue(sw[0] != 0 && sw[4] < 0, "the named ones are fitted: " + sub);
        for (int k : new int[] {1, 2, 3, 5, 6}) assertEquals(0, sw[k], 0, "feature " + k + " left out");
        assertEquals(sub.encode(), FeatureConfidence.decode(sub.encode()).encode());

        // Degraded crops are reported, not fitted on: adding them leaves both fits as they were.
        List<ConfidenceFit.Sample> more = new ArrayList<>(s);
        for (int i = 0; i < 500; i++) {
            double[] f = {-4, -3.5, -3.3, 0.9, -1, 2, 1};
            more.add(new ConfidenceFit.Sample(ConfidenceFit.DEGRADED, (float) Math.exp(-4), f, i % 2 == 0));
        }
        ConfidenceFit.Result withDegraded = ConfidenceFit.fitAll(more, shape);
        assertEquals(fc.encode(), withDegraded.features().encode());
        assertEquals(res.calibration(), withDegraded.calibration());
        assertEquals(res.auc(), withDegraded.auc(), 1e-12, "the AUC is over the fitted kinds");
        assertEquals(0.5, withDegraded.aucDegraded(), 1e-9, "identical degraded crops, half good: chance");

        // Shares, not counts: keeping a tenth of the background crops leaves their weight, and so the fit, about
        // where it was; an unweighted fit moves (more good crops in the mix: everything reads higher).
        List<ConfidenceFit.Sample> fewer = new ArrayList<>();
        int bg = 0;
        for (ConfidenceFit.Sample x : s) if (!x.kind().equals(ConfidenceFit.BACKGROUND) || bg++ % 10 == 0) fewer.add(x);
        double[] probe = {-2.7, -2.2, -2.0, 0.5, -3.0, 0.15, 0.05};
        double shared = ConfidenceFit.fitFeatures(fewer, shape).apply(probe), all = fc.apply(probe);
        double plainAll = unweighted(s).probability(probe), plainFewer = unweighted(fewer).probability(probe);
        assertTrue(Math.abs(plainFewer - plainAll) > 0.08, "unweighted, the mix moves the answer: " + plainAll + " -> " + plainFewer);
        assertEquals(all, shared, 0.3 * Math.abs(plainFewer - plainAll), "weighted by shares it stays: " + all + " -> " + shared);
    }
}
