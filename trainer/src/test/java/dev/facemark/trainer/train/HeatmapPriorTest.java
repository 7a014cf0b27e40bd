package dev.facemark.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.facemark.trainer.model.Head;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DSNT-style heatmap prior: its target Gaussian, its value and its gradient through the softmax. */
class HeatmapPriorTest {
    static final Head.Heatmaps HEAD = new Head.Heatmaps(2, 8, 6, 32, 24); // 4 input pixels a cell

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @Test
    void theTargetIsANormalisedGaussianCentredOnThePoint() {
        HeatmapPrior prior = new HeatmapPrior(1f, 1f);
        Head.Heatmaps head = new Head.Heatmaps(1, 28, 28, 112, 112); // the fast net's maps
        float[] gx = new float[28], gy = new float[28];
        assertTrue(prior.gaussian(50.3f, 61.7f, head, gx, gy));
        double sum = 0, mx = 0, my = 0, vx = 0;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double v = gy[r] * gx[c];
                sum += v;
                mx += v * head.gridX(c);
                my += v * head.gridY(r);
                vx += v * (head.gridX(c) - 50.3) * (head.gridX(c) - 50.3);
            }
        }
        assertEquals(1, sum, 1e-5);
        assertEquals(50.3, mx, 0.01, "mean x on the point");
        assertEquals(61.7, my, 0.01, "mean y on the point");
        assertEquals(4.0, Math.sqrt(vx), 0.05, "sigma: one cell of 4 input pixels");
        assertTrue(prior.gaussian(1f, 61.7f, head, gx, gy), "on the map's edge: more than half of it on the map");
        assertFalse(prior.gaussian(-30f, 9f, head, gx, gy), "a point well off the map gets no term");
    }

    /** KL is 0 when the map is the target, log(cells) - H(target) for a flat map, and its gradient is weight (p - q) / points. */
    @Test
    void valueAndGradientMatchTheKlOfASoftmax() {
        HeatmapPrior prior = new HeatmapPrior(0.5f, 1f);
        float[] targets = {10f, 8f, 20f, 14f, -40f, 5f, 16f, 12f}; // 2 faces x 2 points; the third point is off the map
        int cells = 48;
        Random rnd = new Random(3);
        float[] logits = new float[4 * cells];
        for (int i = 0; i < logits.length; i++) logits[i] = (float) rnd.nextGaussian();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(logits, new Shape(2, 2, 6, 8));
            x.setRequiresGradient(true);
            float value;
            float[] p;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray prob = x.reshape(2, 2, cells).softmax(-1).reshape(2, 2, 6, 8);
                p = prob.toFloatArray();
                NDArray kl = prior.compute(prob, targets, HEAD);
                value = kl.getFloat();
                gc.backward(kl);
            }
            float[] grad = x.getGradient().toFloatArray();
            float[] gx = new float[8], gy = new float[6];
            double expectedValue = 0;
            for (int k = 0; k < 4; k++) {
                boolean on = prior.gaussian(targets[2 * k], targets[2 * k + 1], HEAD, gx, gy);
                for (int j = 0; j < cells; j++) {
                    double q = on ? gy[j / 8] * gx[j % 8] : 0, pj = p[k * cells + j];
                    if (q > 0) expectedValue += q * Math.log(q / pj);
                    // d/dlogit of -sum q log softmax = p - q (q sums to 1), scaled by weight / counted points
                    double g = on ? 0.5 / 3 * (pj - q) : 0;
                    assertEquals(g, grad[k * cells + j], 1e-5, "point " + k + " cell " + j);
                }
            }
            assertEquals(0.5 / 3 * expectedValue, value, 1e-4);
        }
        // The map equal to its target: no divergence.
        try (NDManager m = NDManager.newBaseManager()) {
            float[] gx = new float[8], gy = new float[6];
            prior.gaussian(10f, 8f, HEAD, gx, gy);
            float[] q = new float[cells];
            for (int j = 0; j < cells; j++) q[j] = gy[j / 8] * gx[j % 8];
            float kl = prior.compute(m.create(q, new Shape(1, 1, 6, 8)), new float[] {10f, 8f}, HEAD).getFloat();
            assertEquals(0, kl, 1e-5);
        }
    }
}
