package dev.facemark.trainer.train;

import dev.facemark.trainer.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixed seed gives the same run (augmentation on, two pipeline threads), and a run killed after an
 * epoch resumes from its checkpoint exactly: epoch counter, losses and learning rate continue as if
 * it had never stopped.
 */
class ResumeAndReproducibilityTest {
    @TempDir Path tmp;
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    static TrainConfig config() {
        return new TrainConfig(new TrainConfig.Network("fast", Map.of(), 32, 32, 1),
                new TrainConfig.Data(List.of("300w", "ytf"), TestData.requireRoot().toString(), 0.25, 11L, 12, true, 0f, 0f),
                new TrainConfig.Schedule(2, 4, 3e-3f, 0.5f, 0),
                new TrainConfig.Optimisation(CoordinateLoss.L1, AdamVariant.ADAMW, 1e-4f, -1f),
                new TrainConfig.Compute(1, 2, 256), 11L, false);
    }

    @Test
    void sameSeedSameRunAndResumeContinuesExactly() throws Exception {
        TrainConfig cfg = config();
        List<EpochRecord> a = new TrainingRun(cfg, tmp.resolve("a"), QUIET, false).run(false).state().history();
        List<EpochRecord> b = new TrainingRun(cfg, tmp.resolve("b"), QUIET, false).run(false).state().history();
        assertEquals(2, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 0.0, "same seed, epoch " + (i + 1) + " train loss");
            assertEquals(a.get(i).valNme(), b.get(i).valNme(), 0.0, "same seed, epoch " + (i + 1) + " val NME");
        }

        Path c = tmp.resolve("c");
        TrainingRun.Result stopped = new TrainingRun(cfg, c, QUIET, false).stopAfter(1).run(false);
        assertEquals(1, stopped.state().epochsDone());
        assertFalse(Files.exists(c.resolve("model.onnx")));
        TrainingRun.Result resumed = new TrainingRun(cfg, c, QUIET, false).run(true);
        List<EpochRecord> r = resumed.state().history();
        assertEquals(2, r.size(), "resume continues the epoch count");
        assertEquals(List.of(1, 2), r.stream().map(EpochRecord::epoch).toList());
        assertEquals(2L * 2, resumed.state().globalStep(), "steps continue (2 per epoch)");
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get(i).trainLoss(), r.get(i).trainLoss(), 1e-6, "resumed run, epoch " + (i + 1) + " train loss");
            assertEquals(a.get(i).lr(), r.get(i).lr(), 1e-9, "resumed run, epoch " + (i + 1) + " learning rate");
        }
        assertEquals(3, Files.readAllLines(c.resolve("log.csv")).size(), "log.csv has one line per epoch, no duplicates");
        assertTrue(Files.isDirectory(c.resolve("checkpoints/epoch-0002")));
        assertEquals("epoch-0002", Files.readString(c.resolve("checkpoints/latest")).trim());
    }
}
