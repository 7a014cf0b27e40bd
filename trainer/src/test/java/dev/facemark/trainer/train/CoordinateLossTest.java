package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coordinate losses' values: the wing loss's two branches, its continuity, and its emphasis on small errors. */
class CoordinateLossTest {
    @TempDir Path tmp;

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    /** The loss of one error of {@code px} input pixels in x (y exact), at input size {@code size}. */
    static float loss(CoordinateLoss l, float px, float size) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {px, 0f}, new Shape(1, 1, 2));
            return l.compute(pred, pred.zerosLike(), size).getFloat();
        }
    }

    /** The closed form, per value, in fractions of the input. */
    static double wing(double a) {
        double w = 10.0 / 128, eps = 2.0 / 128;
        return a < w ? w * Math.log(1 + a / eps) : a - (w - w * Math.log(1 + w / eps));
    }

    @Test
    void wingFollowsItsClosedFormOnBothBranches() {
        for (float px : new float[] {0f, 0.5f, 3f, 9.9f, 10.1f, 30f, -4f}) {
            assertEquals(wing(Math.abs(px) / 128.0) / 2, loss(CoordinateLoss.WING, px, 128f), 1e-6, px + " px");
        }
    }

    @Test
    void wingIsContinuousAtItsWidthAndScalesWithTheInput() {
        assertEquals(loss(CoordinateLoss.WING, 9.999f, 128f), loss(CoordinateLoss.WING, 10.001f, 128f), 1e-5);
        // The same error as a fraction of the input is the same loss at any resolution.
        assertEquals(loss(CoordinateLoss.WING, 3f, 128f), loss(CoordinateLoss.WING, 3f * 112 / 128, 112f), 1e-6);
    }

    @Test
    void wingWeighsSmallErrorsMoreThanL1() {
        // L1's loss grows 10x from 1 px to 10 px; wing's much less, so its gradient favours the small error.
        float l1 = loss(CoordinateLoss.L1, 10f, 128f) / loss(CoordinateLoss.L1, 1f, 128f);
        float wing = loss(CoordinateLoss.WING, 10f, 128f) / loss(CoordinateLoss.WING, 1f, 128f);
        assertEquals(10f, l1, 1e-4f);
        assertTrue(wing < 5f, "wing's 10 px / 1 px ratio " + wing);
    }

    @Test
    void parsesItsNamesAndRejectsOthers() {
        assertEquals(CoordinateLoss.WING, CoordinateLoss.parse("Wing"));
        assertEquals(CoordinateLoss.MSE, CoordinateLoss.parse("l2"));
        assertEquals("wing", CoordinateLoss.WING.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoordinateLoss.parse("huber"));
        assertTrue(e.getMessage().contains("wing"), e.getMessage());
    }

    @Test
    void aHeatmapNetTrainsWithWing() throws Exception {
        TrainConfig c = TinyRuns.config("fast", Map.of("head", "heatmap"), 48, 48, 16, 4, 6, 1e-2f, false);
        TrainConfig.Optimisation o = c.optimisation();
        TrainConfig wing = new TrainConfig(c.network(), c.data(), c.schedule(),
                new TrainConfig.Optimisation(CoordinateLoss.WING, o.optimizer(), o.weightDecay(), o.clipGrad(), o.emaDecay()),
                c.compute(), c.seed(), c.exportOnnx());
        LossFalls.check(wing, tmp.resolve("wing"), 0.8);
    }
}
