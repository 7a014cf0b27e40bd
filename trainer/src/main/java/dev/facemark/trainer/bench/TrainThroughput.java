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
import dev.facemark.core.metrics.Median;
import dev.facemark.core.runtime.KeptMemory;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.LayerBlock;
import dev.facemark.trainer.train.ResumableAdam;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.OptionalInt;

/**
 * Measures DJL (PyTorch CPU) training throughput of an architecture: images per second for forward +
 * L1 loss on the landmarks + backward + the trainer's own AdamW step ({@link ResumableAdam}), on random data. Usage:
 * {@code TrainThroughput arch[:k=v,...] [batch] [steps] [rounds]}.
 *
 * <p>With {@code rounds} given, the same network alternates between the default layout and channels-last
 * convolutions ({@link LayerBlock#setChannelsLast}), {@code steps} steps each, for that many rounds, and prints both
 * modes' median. Besides wall-clock time it counts this thread's CPU time: with one PyTorch thread, libtorch computes
 * forward and backward on the calling thread, so the CPU-time rate stays meaningful on a machine that other jobs load.
 *
 * <p>Like {@code trainer train}, it re-runs itself with the allocator settings of {@link KeptMemory} (unless
 * {@code FACEMARK_MALLOC=system}), so it measures what training gets: with glibc's defaults the page faults of the
 * freed tensors cost more than the arithmetic, and channels-last convolutions, which fault twice as often there,
 * measured 0.55x the default layout instead of 1.2x.
 */
public final class TrainThroughput {
    private TrainThroughput() {}

    public static void main(String[] args) {
        OptionalInt child = KeptMemory.rerunIfNeeded(TrainThroughput.class, args);
        if (child.isPresent()) System.exit(child.getAsInt());
        System.out.println(KeptMemory.describe());
        LandmarkNet.offline();
        String s = args.length > 0 ? args[0] : "fast";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String name = s.split(":")[0];
        ArchConfig c = Architectures.parse(s);
        LandmarkNet net = Architectures.create(name, c);
        try (Model model = Model.newInstance(name); NDManager state = model.getNDManager().newSubManager()) {
            model.setBlock(net.block());
            ResumableAdam adam = new ResumableAdam(true, 1e-3f, 1e-4f, state); // what `trainer train --optimizer adamw` steps with
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l1Loss()).optOptimizer(adam);
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(net.inputShape(batch));
                if (rounds == 0) {
                    run(trainer, net, c, batch, 1); // warm-up
                    double[] t = run(trainer, net, c, batch, steps);
                    System.out.printf("%s batch %d: %.1f img/s (%.1f ms/step; %.1f img/s of thread CPU time; channels-last %s)%n", s, batch,
                            steps * batch / t[0], 1000 * t[0] / steps, steps * batch / t[1], ((LayerBlock) net.body()).channelsLast());
                    return;
                }
                LayerBlock body = (LayerBlock) net.body();
                double[][] wall = new double[2][rounds], cpu = new double[2][rounds];
                for (int mode = 0; mode < 2; mode++) { // warm-up, both layouts
                    body.setChannelsLast(mode == 1);
                    run(trainer, net, c, batch, 2);
                }
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < 2; k++) {
                        int mode = (r + k) % 2; // off-on, on-off, ...: neither mode always goes first
                        body.setChannelsLast(mode == 1);
                        double[] t = run(trainer, net, c, batch, steps);
                        wall[mode][r] = steps * batch / t[0];
                        cpu[mode][r] = steps * batch / t[1];
                    }
                    System.out.printf("round %d: default %.1f img/s (CPU %.1f), channels-last %.1f img/s (CPU %.1f)%n", r + 1,
                            wall[0][r], cpu[0][r], wall[1][r], cpu[1][r]);
                }
                System.out.printf("%s batch %d, median of %d rounds of %d steps: default %.1f img/s (CPU %.1f), channels-last %.1f img/s "
                        + "(CPU %.1f); channels-last / default: %.2f wall, %.2f CPU%n", s, batch, rounds, steps,
                        Median.of(wall[0]), Median.of(cpu[0]), Median.of(wall[1]), Median.of(cpu[1]),
                        Median.of(ratios(wall)), Median.of(ratios(cpu)));
            }
        }
    }

    /** Wall-clock and this thread's CPU seconds for {@code steps} training steps. */
    private static double[] run(Trainer trainer, LandmarkNet net, ArchConfig c, int batch, int steps) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        NDManager m = trainer.getManager();
        double wall = 0, cpu = 0;
        for (int i = 0; i < steps; i++) {
            try (NDManager sub = m.newSubManager()) {
                NDArray x = sub.randomNormal(net.inputShape(batch));
                NDArray y = sub.randomUniform(0, c.width(), new ai.djl.ndarray.types.Shape(batch, net.points(), 2));
                long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList out = trainer.forward(new NDList(x));
                    NDArray loss = out.get(0).sub(y).abs().mean();
                    gc.backward(loss);
                }
                trainer.step();
                cpu += (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                wall += (System.nanoTime() - t0) / 1e9;
            }
        }
        return new double[] {wall, cpu};
    }

    /** Per-round ratio channels-last / default. */
    private static double[] ratios(double[][] rate) {
        double[] r = new double[rate[0].length];
        for (int i = 0; i < r.length; i++) r[i] = rate[1][i] / rate[0][i];
        return r;
    }
}
