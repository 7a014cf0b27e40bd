package dev.facemark.trainer.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.facemark.trainer.model.Layer;
import dev.facemark.trainer.model.LayerBlock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ResumableAdam} follows PyTorch's Adam (L2 decay through the gradient) and AdamW (decoupled decay)
 * to float precision, step by step with a changing learning rate, checked against those algorithms
 * written out in double precision here. It leaves the gradient it was handed unchanged and clears the
 * parameters' own gradients, which {@link TrainStep} relies on after a step it took.
 */
class ResumableAdamTest {
    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void followsPyTorchsAdamAndAdamW(boolean decoupled) {
        int n = 37;
        float wd = 0.05f;
        double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        Random rnd = new Random(7);
        double[] w = new double[n], m = new double[n], v = new double[n];
        float[] w0 = new float[n];
        for (int i = 0; i < n; i++) w0[i] = (float) (w[i] = rnd.nextGaussian());
        try (NDManager nd = NDManager.newBaseManager("PyTorch")) {
            ResumableAdam adam = new ResumableAdam(decoupled, 1e-3f, wd, nd);
            NDArray weight = nd.create(w0);
            for (int t = 1; t <= 5; t++) {
                float lr = 0.01f * t; // the schedule changes it every step
                adam.setLearningRate(lr);
                float[] g = new float[n];
                // Gradients from 1e-6 to 10: the epsilon term matters at the small end.
                for (int i = 0; i < n; i++) g[i] = (float) (rnd.nextGaussian() * Math.pow(10, -6 + 7 * (i % 8) / 7.0));
                try (NDArray grad = nd.create(g)) {
                    adam.update("w", weight, grad);
                    assertEquals(0, max(grad.toFloatArray(), g), "the gradient handed in is left as it was");
                }
                for (int i = 0; i < n; i++) {
                    double gi = g[i];
                    if (decoupled) w[i] *= 1 - lr * wd; else gi += wd * w[i];
                    m[i] = b1 * m[i] + (1 - b1) * gi;
                    v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                    double mHat = m[i] / (1 - Math.pow(b1, t)), vHat = v[i] / (1 - Math.pow(b2, t));
                    w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                }
                float[] got = weight.toFloatArray();
                for (int i = 0; i < n; i++) {
                    assertEquals(w[i], got[i], 2e-6 * Math.max(1, Math.abs(w[i])), "weight " + i + " after step " + t);
                }
            }
        }
    }

    @Test
    void aStepClearsTheParametersGradients() {
        LayerBlock block = new LayerBlock(Layer.Sequence.of(Layer.Conv.same(1, 4, 3), new Layer.Relu(), Layer.Conv.same(4, 2, 1)));
        Shape in = new Shape(2, 1, 8, 8);
        try (Model model = Model.newInstance("adam", Device.cpu(), "PyTorch");
             NDManager state = NDManager.newBaseManager("PyTorch")) {
            model.setBlock(block);
            ResumableAdam adam = new ResumableAdam(true, 1e-3f, 1e-4f, state);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l1Loss()).optOptimizer(adam)
                    .optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(in);
                adam.bind(block.getParameters());
                for (int step = 0; step < 2; step++) {
                    try (NDManager sm = trainer.getManager().newSubManager()) {
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            gc.backward(trainer.forward(new NDList(sm.randomUniform(0, 1, in))).singletonOrThrow().abs().sum());
                        }
                        float before = 0;
                        for (NDArray g : TrainStep.gradients(trainer)) before += g.abs().sum().getFloat();
                        assertTrue(before > 0, "the backward pass made gradients");
                        trainer.step();
                        for (NDArray g : TrainStep.gradients(trainer)) assertEquals(0f, g.abs().sum().getFloat(), "cleared by the step");
                    }
                }
            }
        }
    }

    private static float max(float[] a, float[] b) {
        float d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }
}
