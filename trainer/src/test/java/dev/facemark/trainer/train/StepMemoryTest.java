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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training step leaves nothing behind on the model's manager, which lives as long as the run: before,
 * every step left a scalar per parameter there (the gradient fill) and the padded weights of every
 * padded convolution, and a 16-epoch run of {@code fast} grew to 23 GB and was killed.
 */
class StepMemoryTest {
    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @Test
    void stepsKeepTheModelsArrayCountFlat() {
        // 8 output channels: padded to oneDNN's block of 16 in training (LayerBlock.ONEDNN_CHANNEL_BLOCK).
        Layer net = Layer.Sequence.of(Layer.Conv.same(1, 8, 3), new Layer.Relu(), Layer.Conv.same(8, 4, 1));
        LayerBlock block = new LayerBlock(net);
        Shape in = new Shape(2, 1, 12, 12);
        try (Model model = Model.newInstance("probe", Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l1Loss()).optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(in);
                int before = -1;
                for (int step = 0; step < 6; step++) {
                    try (NDManager sm = trainer.getManager().newSubManager()) {
                        NDArray x = sm.randomUniform(0, 1, in);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList out = trainer.forward(new NDList(x));
                            gc.backward(out.singletonOrThrow().abs().sum());
                        }
                        trainer.step();
                        TrainStep.zeroGradients(trainer);
                    }
                    int now = model.getNDManager().getManagedArrays().size();
                    if (step == 1) before = now; // after the optimizer made its state
                    if (step > 1) assertEquals(before, now, "arrays on the model's manager after step " + step);
                }
                for (var p : block.getParameters()) {
                    NDArray g = p.getValue().getArray().getGradient();
                    assertEquals(0f, g.abs().sum().getFloat(), "gradients cleared");
                    g.close();
                }
            }
        }
    }

    /**
     * With a weight average ({@code --ema}): its update after every step and the swaps around a validation pass
     * leave nothing behind either, on the model's manager or on the one that holds the averages.
     */
    @Test
    void weightAverageKeepsTheArrayCountsFlat() {
        Layer net = Layer.Sequence.of(Layer.Conv.same(1, 8, 3), new Layer.BatchNorm(8), new Layer.Relu(), Layer.Conv.same(8, 4, 1));
        LayerBlock block = new LayerBlock(net);
        Shape in = new Shape(2, 1, 12, 12);
        try (Model model = Model.newInstance("probe", Device.cpu(), "PyTorch");
             NDManager emaManager = model.getNDManager().newSubManager()) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l1Loss()).optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(in);
                WeightAverage ema = new WeightAverage(block.getParameters(), 0.99f, emaManager);
                int before = -1, averages = emaManager.getManagedArrays().size();
                assertEquals(block.getParameters().size(), averages, "one average per parameter, BN statistics included");
                for (int step = 0; step < 6; step++) {
                    try (NDManager sm = trainer.getManager().newSubManager()) {
                        NDArray x = sm.randomUniform(0, 1, in);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList out = trainer.forward(new NDList(x));
                            gc.backward(out.singletonOrThrow().abs().sum());
                        }
                        trainer.step();
                        TrainStep.zeroGradients(trainer);
                        ema.update();
                        float v = ema.applied(() -> trainer.evaluate(new NDList(x)).singletonOrThrow().sum().getFloat());
                        assertTrue(Float.isFinite(v));
                    }
                    int now = model.getNDManager().getManagedArrays().size();
                    if (step == 1) before = now;
                    if (step > 1) assertEquals(before, now, "arrays on the model's manager after step " + step);
                    assertEquals(averages, emaManager.getManagedArrays().size(), "arrays on the average's manager after step " + step);
                }
                assertEquals(6, ema.updates());
            }
        }
    }
}
