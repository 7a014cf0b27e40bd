package dev.facemark.trainer.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.facemark.trainer.model.Layer;
import dev.facemark.trainer.model.LayerBlock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The average follows its formula over real training steps, batch-norm running statistics included, and
 * swapping it in and out gives back the raw weights bit for bit; saved and loaded, it is the same average.
 */
class WeightAverageTest {
    @TempDir Path tmp;

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    static final Shape IN = new Shape(4, 1, 8, 8);

    static LayerBlock block() {
        return new LayerBlock(Layer.Sequence.of(Layer.Conv.same(1, 4, 3), new Layer.BatchNorm(4), new Layer.Relu(),
                Layer.Conv.same(4, 2, 1)));
    }

    /** One forward (training: BN statistics move), L1-to-zero loss, backward and step. */
    static void step(Trainer trainer, int seed) {
        try (NDManager sm = trainer.getManager().newSubManager()) {
            java.util.Random r = new java.util.Random(seed);
            float[] pixels = new float[(int) IN.size()];
            for (int i = 0; i < pixels.length; i++) pixels[i] = (float) r.nextGaussian();
            NDArray x = sm.create(pixels, IN);
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x));
                gc.backward(out.singletonOrThrow().abs().mean());
            }
            trainer.step();
            TrainStep.zeroGradients(trainer);
        }
    }

    static Map<String, float[]> values(LayerBlock b) {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : b.getParameters()) m.put(p.getKey(), p.getValue().getArray().toFloatArray());
        return m;
    }

    /** Java's float arithmetic of one update, the same operations as the NDArray ones. */
    static Map<String, float[]> updated(Map<String, float[]> shadow, Map<String, float[]> w, float d) {
        Map<String, float[]> out = new LinkedHashMap<>();
        shadow.forEach((k, s) -> {
            float[] r = new float[s.length], x = w.get(k);
            for (int i = 0; i < s.length; i++) r[i] = s[i] * d + x[i] * (1 - d);
            out.put(k, r);
        });
        return out;
    }

    static void assertClose(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, e) -> assertArrayEquals(e, actual.get(k), 1e-6f, k));
    }

    static void assertExact(Map<String, float[]> expected, Map<String, float[]> actual) {
        expected.forEach((k, e) -> assertArrayEquals(e, actual.get(k), k)); // float[] equality: bit for bit, not within a delta
    }

    @Test
    void warmUpThenDecay() {
        assertEquals(0.1f, WeightAverage.decayAt(0.999f, 0), 1e-7f);
        assertEquals(2f / 11, WeightAverage.decayAt(0.999f, 1), 1e-7f);
        assertEquals(0.15f, WeightAverage.decayAt(0.15f, 1));
        assertEquals(0.999f, WeightAverage.decayAt(0.999f, 100_000));
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(new ai.djl.util.PairList<>(), 1f, null));
    }

    @Test
    void followsTheFormulaAndSwapsBack() throws Exception {
        LayerBlock block = block();
        try (Model model = Model.newInstance("ema", Device.cpu(), "PyTorch");
             NDManager emaManager = model.getNDManager().newSubManager()) {
            model.setBlock(block);
            // A large learning rate, so that the weights move far between steps and a wrong decay shows.
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.1f)).build();
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l1Loss()).optOptimizer(adam)
                    .optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(IN);
                Map<String, float[]> w0 = values(block);
                float decay = 0.15f; // update 0 is capped by the warm-up (0.1), update 1 by the decay (0.15 < 2/11)
                WeightAverage ema = new WeightAverage(block.getParameters(), decay, emaManager);
                step(trainer, 1);
                Map<String, float[]> w1 = values(block);
                ema.update();
                step(trainer, 2);
                Map<String, float[]> w2 = values(block);
                ema.update();
                assertEquals(2, ema.updates());
                String mean = w0.keySet().stream().filter(k -> k.endsWith("runningMean")).findFirst().orElseThrow();
                assertFalse(java.util.Arrays.equals(w0.get(mean), w2.get(mean)), "training forward moved the BN statistics");

                Map<String, float[]> expected = updated(updated(w0, w1, 0.1f), w2, decay);
                ema.swap();
                assertClose(expected, values(block));
                ema.swap();
                assertExact(w2, values(block));

                assertThrows(IllegalStateException.class, () -> ema.applied(() -> {
                    assertClose(expected, values(block));
                    throw new IllegalStateException("validation failed");
                }));
                assertExact(w2, values(block));

                Path file = tmp.resolve(WeightAverage.FILE);
                ema.save(file);
                WeightAverage loaded = new WeightAverage(block.getParameters(), decay, emaManager); // starts at w2
                loaded.load(file);
                assertEquals(2, loaded.updates());
                Map<String, float[]> averaged = loaded.applied(() -> values(block));
                assertClose(expected, averaged);
                assertExact(w2, values(block));
            }
        }
    }

    @Test
    void aFileOfAnotherNetworkIsRefused() throws Exception {
        try (Model a = Model.newInstance("a", Device.cpu(), "PyTorch"); Model b = Model.newInstance("b", Device.cpu(), "PyTorch")) {
            LayerBlock small = block();
            a.setBlock(small);
            small.initialize(a.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, IN);
            LayerBlock other = new LayerBlock(Layer.Sequence.of(Layer.Conv.same(1, 3, 3)));
            b.setBlock(other);
            other.initialize(b.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, IN);
            Path file = tmp.resolve(WeightAverage.FILE);
            new WeightAverage(small.getParameters(), 0.9f, a.getNDManager()).save(file);
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> new WeightAverage(other.getParameters(), 0.9f, b.getNDManager()).load(file));
            assertTrue(e.getMessage().contains(WeightAverage.FILE), e.getMessage());
        }
    }
}
