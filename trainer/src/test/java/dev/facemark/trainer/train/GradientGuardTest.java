package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GradientGuardTest {
    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @Test
    void finiteSmallGradientsStepUnchanged() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray g = m.create(new float[] {0.3f, -0.4f});
            assertEquals(GradientGuard.Outcome.STEP, new GradientGuard(5, 3).check(0.1f, List.of(g)));
            assertArrayEquals(new float[] {0.3f, -0.4f}, g.toFloatArray());
        }
    }

    @Test
    void largeGradientsAreScaledToTheGlobalNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {30f, 0f}), b = m.create(new float[] {0f, -40f}); // global norm 50
            GradientGuard guard = new GradientGuard(5, 3);
            assertEquals(GradientGuard.Outcome.CLIPPED, guard.check(1f, List.of(a, b)));
            assertEquals(5.0, GradientGuard.globalNorm(List.of(a, b)), 1e-5);
            assertArrayEquals(new float[] {3f, 0f}, a.toFloatArray(), 1e-6f);
            assertEquals(1, guard.clipped());
        }
    }

    @Test
    void nonFiniteStepsAreSkippedAndOnlyARunOfThemStops() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray ok = m.create(new float[] {0.1f}), nan = m.create(new float[] {Float.NaN}), inf = m.create(new float[] {Float.POSITIVE_INFINITY});
            GradientGuard guard = new GradientGuard(0, 3);
            assertEquals(GradientGuard.Outcome.SKIPPED, guard.check(0.2f, List.of(ok, nan)));
            assertEquals(GradientGuard.Outcome.SKIPPED, guard.check(Float.NaN, List.of(ok)));
            assertEquals(GradientGuard.Outcome.STEP, guard.check(0.2f, List.of(ok)), "a good step resets the count");
            assertEquals(GradientGuard.Outcome.SKIPPED, guard.check(0.2f, List.of(inf)));
            assertEquals(GradientGuard.Outcome.SKIPPED, guard.check(0.2f, List.of(nan)));
            GradientGuard.DivergedException e = assertThrows(GradientGuard.DivergedException.class, () -> guard.check(0.2f, List.of(nan)));
            assertTrue(e.getMessage().contains("3 steps in a row"), e.getMessage());
            assertEquals(5, guard.skipped());
        }
    }

    @Test
    void autoClipsRegressionHeadsOnly() {
        assertEquals(GradientGuard.AUTO_COORDINATE_NORM, GradientGuard.resolveNorm(-1, true));
        assertEquals(0f, GradientGuard.resolveNorm(-1, false));
        assertEquals(2.5f, GradientGuard.resolveNorm(2.5f, false));
        assertEquals(0f, GradientGuard.resolveNorm(0, true));
    }
}
