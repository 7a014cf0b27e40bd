package dev.facemark.trainer.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;

/**
 * Measures DJL (PyTorch CPU) training throughput of an architecture: images per second for forward +
 * L1 loss on the landmarks + backward + Adam step, on random data. Usage: {@code TrainThroughput arch[:k=v,...] [batch] [steps]}.
 */
public final class TrainThroughput {
    private TrainThroughput() {}

    public static void main(String[] args) {
        LandmarkNet.offline();
        String s = args.length > 0 ? args[0] : "fast";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String name = s.split(":")[0];
        ArchConfig c = Architectures.parse(s);
        LandmarkNet net = Architectures.create(name, c);
        try (Model model = Model.newInstance(name)) {
            model.setBlock(net.block());
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l1Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(net.inputShape(batch));
                NDManager m = trainer.getManager();
                double total = 0;
                for (int i = 0; i <= steps; i++) {
                    try (NDManager sub = m.newSubManager()) {
                        NDArray x = sub.randomNormal(net.inputShape(batch));
                        NDArray y = sub.randomUniform(0, c.width(), new ai.djl.ndarray.types.Shape(batch, net.points(), 2));
                        long t0 = System.nanoTime();
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDList out = trainer.forward(new NDList(x));
                            NDArray loss = out.get(0).sub(y).abs().mean();
                            gc.backward(loss);
                        }
                        trainer.step();
                        double dt = (System.nanoTime() - t0) / 1e9;
                        if (i > 0) total += dt; // step 0 is warm-up
                    }
                }
                System.out.printf("%s batch %d: %.1f img/s (%.1f ms/step, %d threads)%n", s, batch, steps * batch / total,
                        1000 * total / steps, Runtime.getRuntime().availableProcessors());
            }
        }
    }
}
