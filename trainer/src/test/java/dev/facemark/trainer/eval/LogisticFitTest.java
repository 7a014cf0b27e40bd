package dev.facemark.trainer.eval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regularised logistic regression recovers known coefficients; the ridge shrinks; weights count as copies. */
class LogisticFitTest {
    /** Three correlated features on different scales, labels drawn from a known logistic. */
    static double[][] rows(int n, Random r) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian(), b = 0.6 * a + 0.8 * r.nextGaussian();
            x[i] = new double[] {-2.5 + 0.4 * a, 100 + 20 * b, r.nextDouble()};
        }
        return x;
    }

    static double truth(double[] x) { return 1 / (1 + Math.exp(-(1.5 + 4 * (x[0] + 2.5) - 0.05 * (x[1] - 100) + 0 * x[2]))); }

    @Test
    void recoversKnownCoefficientsOnSyntheticData() {
        Random r = new Random(11);
        double[][] x = rows(20000, r);
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) y[i] = r.nextDouble() < truth(x[i]);
        LogisticFit.Model m = LogisticFit.fit(x, y, null, 1e-3);
        // Back to raw units: weight / sd.
        assertEquals(4, m.weights()[0] / m.sd()[0], 0.25, "slope of feature 0");
        assertEquals(-0.05, m.weights()[1] / m.sd()[1], 0.005, "slope of feature 1 (another scale)");
        assertEquals(0, m.weights()[2] / m.sd()[2], 0.25, "an uninformative feature gets about 0");
        for (double[] probe : new double[][] {{-2.5, 100, 0.5}, {-3, 110, 0.1}, {-2, 80, 0.9}}) {
            assertEquals(truth(probe), m.probability(probe), 0.03, "P at " + java.util.Arrays.toString(probe));
        }
        assertEquals(-2.5, m.mean()[0], 0.02, "standardised on the data");
        assertEquals(20, m.sd()[1], 0.5);
    }

    @Test
    void theRidgeShrinksAndRowWeightsActAsCopies() {
        Random r = new Random(5);
        double[][] x = rows(3000, r);
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) y[i] = r.nextDouble() < truth(x[i]);
        LogisticFit.Model loose = LogisticFit.fit(x, y, null, 1e-3), tight = LogisticFit.fit(x, y, null, 1e4);
        assertTrue(Math.abs(tight.weights()[0]) < 0.2 * Math.abs(loose.weights()[0]), "a heavy ridge pulls weights to 0: " + tight);

        // Rows weighted 2 = the same rows twice.
        int n = 500;
        double[][] half = java.util.Arrays.copyOf(x, n), twice = new double[2 * n][];
        boolean[] yh = java.util.Arrays.copyOf(y, n), y2 = new boolean[2 * n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = i % 2 == 0 ? 2 : 1;
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            twice[k] = half[i]; y2[k++] = yh[i];
            if (i % 2 == 0) { twice[k] = half[i]; y2[k++] = yh[i]; }
        }
        LogisticFit.Model weighted = LogisticFit.fit(half, yh, w, 1), copied = LogisticFit.fit(java.util.Arrays.copyOf(twice, k),
                java.util.Arrays.copyOf(y2, k), null, 1);
        assertArrayEquals(copied.weights(), weighted.weights(), 1e-6);
        assertEquals(copied.bias(), weighted.bias(), 1e-6);
    }

    @Test
    void aSeparableOrConstantProblemStaysFinite() {
        double[][] x = {{0, 1}, {1, 1}, {2, 1}, {3, 1}};
        boolean[] y = {false, false, true, true};
        LogisticFit.Model m = LogisticFit.fit(x, y, null, 1);
        for (double v : m.weights()) assertTrue(Double.isFinite(v));
        assertEquals(0, m.weights()[1], 1e-12, "a constant feature carries no weight");
        assertTrue(m.probability(new double[] {3, 1}) > 0.5 && m.probability(new double[] {0, 1}) < 0.5);
    }
}
