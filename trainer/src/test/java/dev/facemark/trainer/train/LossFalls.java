package dev.facemark.trainer.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a tiny training and checks that the loss fell and the run folder is complete. */
final class LossFalls {
    private LossFalls() {}

    static TrainingRun.Result check(TrainConfig cfg, Path run, double factor) throws Exception {
        TrainingRun.Result r = new TrainingRun(cfg, run, new PrintStream(OutputStream.nullOutputStream()), false).run(false);
        List<EpochRecord> h = r.state().history();
        assertEquals(cfg.epochs(), h.size());
        double first = h.get(0).trainLoss(), last = h.get(h.size() - 1).trainLoss();
        assertTrue(last < factor * first, cfg.arch() + ": training loss should fall, first " + first + " last " + last);
        assertTrue(Double.isFinite(h.get(h.size() - 1).valNme()), "validation NME is computed");
        assertTrue(run.resolve("log.csv").toFile().isFile());
        assertTrue(run.resolve("loss.png").toFile().length() > 1000);
        assertTrue(run.resolve("best/checkpoint.json").toFile().isFile());
        return r;
    }
}
