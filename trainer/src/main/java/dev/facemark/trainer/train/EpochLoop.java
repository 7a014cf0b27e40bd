package dev.facemark.trainer.train;

import ai.djl.training.Trainer;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.data.Batch;
import dev.facemark.trainer.data.BatchPipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The run's epochs: each one trains on every batch at the schedule's learning rate, validates (on the weight
 * average when one is on), and hands its record to the run (which checkpoints it), until the last epoch, early
 * stopping, or a test's stop.
 */
final class EpochLoop {
    /** Told of every finished epoch, after the state has taken it in. */
    interface EpochEnd {
        void ended(int epoch, RunState state, boolean better) throws IOException;
    }

    /** How the loop ended. */
    record Outcome(RunState state, boolean earlyStopped) { }

    private final TrainConfig.Schedule schedule;
    private final Trainer trainer;
    private final TrainStep stepper;
    private final BatchPipeline train, val;
    private final LearningRateSchedule rates;
    private final ResumableAdam opt;
    private final WeightAverage average;
    private final ProgressBar bar;
    private final PrintStream log;

    EpochLoop(TrainConfig.Schedule schedule, Trainer trainer, TrainStep stepper, BatchPipeline train, BatchPipeline val,
              ResumableAdam opt, WeightAverage average, ProgressBar bar, PrintStream log) {
        this.schedule = schedule;
        this.trainer = trainer;
        this.stepper = stepper;
        this.train = train;
        this.val = val;
        this.opt = opt;
        this.average = average;
        this.bar = bar;
        this.log = log;
        long stepsPerEpoch = train.batchCount(true);
        this.rates = new LearningRateSchedule(schedule.lr(), Math.round(schedule.warmupEpochs() * stepsPerEpoch),
                stepsPerEpoch * schedule.epochs(), 0.01f);
    }

    /** Runs from {@code state} on, at most {@code maxEpochs} epochs in this call. */
    Outcome run(RunState state, int maxEpochs, EpochEnd end) throws IOException {
        GradientGuard guard = stepper.guard();
        for (int ran = 0; state.epochsDone() < schedule.epochs() && ran < maxEpochs; ran++) {
            if (schedule.patience() > 0 && state.epochsSinceBest() >= schedule.patience()) {
                log.printf(Locale.ROOT, "early stop: no better validation NME for %d epochs%n", schedule.patience());
                return new Outcome(state, true);
            }
            int epoch = state.epochsDone();
            long skippedBefore = guard.skipped(), clippedBefore = guard.clipped();
            long t0 = System.nanoTime();
            Steps done = trainEpoch(epoch, state.globalStep());
            Validation.Result v = average.applied(() -> Validation.run(trainer, val, stepper.loss(), stepper.inputSize()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            EpochRecord rec = new EpochRecord(epoch + 1, done.lossSum() / Math.max(1, done.seen()), v.loss(), v.nme(),
                    done.lastLr(), done.seen() / done.seconds(), seconds);
            boolean better = rec.valNme() < state.bestValNme();
            state = state.after(rec, done.endStep());
            end.ended(epoch + 1, state, better);
            bar.finish(String.format(Locale.ROOT,
                    "epoch %d/%d train loss %.5f val loss %.5f val NME %.4f%s lr %.2e %.0f img/s %.0fs%s",
                    rec.epoch(), schedule.epochs(), rec.trainLoss(), rec.valLoss(), rec.valNme(), better ? "*" : "",
                    rec.lr(), rec.imagesPerSecond(), seconds, guardNote(guard, skippedBefore, clippedBefore)));
        }
        return new Outcome(state, false);
    }

    private static String guardNote(GradientGuard g, long skippedBefore, long clippedBefore) {
        long s = g.skipped() - skippedBefore, c = g.clipped() - clippedBefore;
        return (s > 0 ? ", " + s + " non-finite steps skipped" : "") + (c > 0 ? ", " + c + " steps clipped to norm " + g.maxNorm() : "");
    }

    /** What one epoch of steps added up to. */
    private record Steps(double lossSum, int seen, long endStep, float lastLr, double seconds) { }

    /** The training half of an epoch: every batch, each with the schedule's learning rate, one step each. */
    private Steps trainEpoch(int epoch, long startStep) {
        long t0 = System.nanoTime();
        double lossSum = 0;
        int seen = 0, steps = 0;
        long step = startStep;
        float lr = schedule.lr();
        try (BatchPipeline.Epoch e = train.epoch(epoch, true)) {
            Batch b;
            while ((b = e.next()) != null) {
                lr = rates.at(step);
                opt.setLearningRate(lr);
                TrainStep.Result r;
                try {
                    r = stepper.run(b, e);
                } catch (GradientGuard.DivergedException d) {
                    throw new BadInputException(d.getMessage() + " (epoch " + (epoch + 1) + " step " + steps
                            + "): lower --lr (now " + schedule.lr() + ") or set --clip-grad");
                }
                if (r.outcome() != GradientGuard.Outcome.SKIPPED) {
                    average.update();
                    lossSum += r.loss() * schedule.batch();
                    seen += schedule.batch();
                }
                steps++;
                step++;
                double el = (System.nanoTime() - t0) / 1e9;
                bar.update(epoch + 1, schedule.epochs(), steps, e.batches(), lossSum / seen, seen / el,
                        el / steps * (e.batches() - steps));
            }
        }
        return new Steps(lossSum, seen, step, lr, (System.nanoTime() - t0) / 1e9);
    }
}
