package dev.facemark.trainer.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.facemark.trainer.train.CoordinateLoss;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The constants that backward needs (ReLU6's bound, the loss's divisor, the coordinate head's scale) survive a
 * garbage collection between forward and backward that frees DJL's Java-backed scalars and hands their memory
 * out again (see {@link NativeConstants}). The control shows that this harness does expose DJL's own scalar
 * overloads, so the other tests are not passing vacuously.
 */
class NativeConstantsTest {
    static final int TRIALS = 40;
    static final ParameterStore PS = new ParameterStore();

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    /**
     * Runs {@code f} on {x} with gradients, collects garbage and refills freed small blocks with -1 before the
     * backward pass, and returns the number of trials whose input gradient was not {@code expected}.
     */
    static int wrongGradients(float[] x, Shape shape, Function<NDArray, NDArray> f, float[] expected) {
        return wrongGradients(x, shape, f, expected, 0f);
    }

    /** As above, but a gradient within {@code relTol} of {@code expected} (relative, per value) counts as right. */
    static int wrongGradients(float[] x, Shape shape, Function<NDArray, NDArray> f, float[] expected, float relTol) {
        int wrong = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int t = 0; t < TRIALS; t++) {
                try (NDManager s = m.newSubManager()) {
                    NDArray in = s.create(x, shape);
                    in.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = f.apply(in);
                        List<ByteBuffer> reused = reuseFreedMemory();
                        gc.backward(loss);
                        // Read after backward, so the refilled blocks stay allocated (and reused) until then.
                        assertEquals(20_000, reused.size());
                    }
                    float[] g = in.getGradient().toFloatArray();
                    if (!close(expected, g, relTol)) wrong++;
                }
            }
        }
        return wrong;
    }

    static boolean close(float[] expected, float[] actual, float relTol) {
        if (relTol == 0f) return Arrays.equals(expected, actual);
        if (expected.length != actual.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= relTol * Math.abs(expected[i]))) return false;
        }
        return true;
    }

    static List<ByteBuffer> reuseFreedMemory() {
        System.gc();
        List<ByteBuffer> l = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, -1f);
            l.add(b);
        }
        return l;
    }

    static NDArray relu6(NDArray x) {
        return new LayerBlock(new Layer.Relu6()).forward(PS, new NDList(x), true).singletonOrThrow();
    }

    static final float[] X = {-1f, 1f, 2f, 7f};
    static final Shape POINTS = new Shape(1, 2, 2);

    @Test
    void relu6AndTheL1LossKeepTheirConstants() {
        // relu6 -> {0, 1, 2, 6}; L1 against 0 over 4 values / 4 px: d/dy = sign(y) / 16, nothing through 0 or 6.
        float[] expected = {0f, 1 / 16f, 1 / 16f, 0f};
        assertEquals(0, wrongGradients(X, POINTS, x -> CoordinateLoss.L1.compute(relu6(x), x.zerosLike(), 4f), expected));
    }

    @Test
    void theMseLossKeepsItsDivisor() {
        // mean((x / 4)^2) over 4 values: d/dx = 2 x / 16 / 4.
        float[] expected = {-1 / 32f, 1 / 32f, 2 / 32f, 7 / 32f};
        assertEquals(0, wrongGradients(X, POINTS, x -> CoordinateLoss.MSE.compute(x, x.zerosLike(), 4f), expected));
    }

    @Test
    void theWingLossKeepsItsConstants() {
        // At 128 px, w = 10 px and eps = 2 px: below w, d/dx = sign(x) w / (eps + |x|) / 128 / 4 values
        // = sign(x) 10 / (512 (2 + |x|)); above w, the L1 slope sign(x) / 512.
        float[] x = {-1f, 1f, 2f, 20f};
        float[] expected = {-10f / 1536, 10f / 1536, 10f / 2048, 1f / 512};
        assertEquals(0, wrongGradients(x, POINTS, p -> CoordinateLoss.WING.compute(p, p.zerosLike(), 128f), expected, 1e-5f));
    }

    @Test
    void theCoordinateHeadKeepsItsScale() {
        LandmarkBlock head = new LandmarkBlock(new LayerBlock(new Layer.Identity()), Head.Coordinates.centred(2, 8, 6));
        // sum of u * (4, 3) + offset: d/du = 4 for x, 3 for y.
        float[] expected = {4f, 3f, 4f, 3f};
        assertEquals(0, wrongGradients(X, new Shape(1, 4),
                x -> head.forward(PS, new NDList(x), true).get(0).sum(), expected));
    }

    @Test
    void theHarnessCatchesDjlsOwnScalarOverloads() {
        float[] expected = {0f, 1f, 1f, 0f};
        try (NDManager m = NDManager.newBaseManager(); NDArray x = m.create(X)) {
            assertArrayEquals(new float[] {0f, 1f, 2f, 6f}, Activation.relu6(x).toFloatArray(), "same values as ours");
        }
        int wrong = wrongGradients(X, new Shape(4), x -> Activation.relu6(x).sum(), expected);
        assertTrue(wrong > 0, "DJL's relu6 kept its scalar in all " + TRIALS + " trials: if DJL now copies scalars, "
                + "NativeConstants may be dropped; otherwise this harness no longer reaches freed memory");
    }
}
