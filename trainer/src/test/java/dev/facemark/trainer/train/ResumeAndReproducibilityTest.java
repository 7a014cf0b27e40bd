package dev.facemark.trainer.train;

import dev.facemark.trainer.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.facemark.trainer.model.Checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixed seed gives the same run (augmentation on, two pipeline threads), and a run killed after an
 * epoch resumes from its checkpoint exactly: epoch counter, losses and learning rate continue as if
 * it had never stopped.
 */
class ResumeAndReproducibilityTest {
    @TempDir Path tmp;
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    static TrainConfig config() { return config(0f); }

    static TrainConfig config(float emaDecay) {
        return new TrainConfig(new TrainConfig.Network("fast", Map.of(), 32, 32, 1),
                new TrainConfig.Data(List.of("300w", "ytf"), TestData.requireRoot().toString(), 0.25, 11L, 12, true, 0f, 0f, 0f, 0f),
                new TrainConfig.Schedule(2, 4, 3e-3f, 0.5f, 0),
                new TrainConfig.Optimisation(CoordinateLoss.L1, AdamVariant.ADAMW, 1e-4f, -1f, emaDecay),
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

    /**
     * With a weight average: training is unchanged (the train losses of the same run without it), validation sees
     * the average, {@code best/} holds it (the epoch's checkpoint keeps the raw weights, for resume, and the average
     * in ema.bin), and a run stopped after an epoch resumes the average exactly.
     */
    @Test
    void weightAverageIsValidatedKeptAndResumed() throws Exception {
        TrainConfig cfg = config(0.9f);
        List<EpochRecord> plain = new TrainingRun(config(), tmp.resolve("plain"), QUIET, false).run(false).state().history();
        Path a = tmp.resolve("a");
        TrainingRun.Result full = new TrainingRun(cfg, a, QUIET, false).run(false);
        List<EpochRecord> e = full.state().history();
        assertEquals(2, e.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(plain.get(i).trainLoss(), e.get(i).trainLoss(), 0.0, "the average leaves training alone, epoch " + (i + 1));
            assertNotEquals(plain.get(i).valNme(), e.get(i).valNme(), "validation sees the average, epoch " + (i + 1));
        }
        Path bestEpoch = a.resolve(String.format("checkpoints/epoch-%04d", full.state().bestEpoch()));
        Map<String, float[]> best = weights(a.resolve("best")), raw = weights(bestEpoch), averaged = average(bestEpoch.resolve(WeightAverage.FILE));
        assertEquals(raw.keySet(), averaged.keySet(), "an average of every parameter, BN statistics included");
        averaged.forEach((k, v) -> assertArrayEquals(v, best.get(k), "best/ holds the average: " + k));
        assertTrue(raw.keySet().stream().anyMatch(k -> !Arrays.equals(raw.get(k), best.get(k))), "best/ is not the raw weights");

        Path c = tmp.resolve("c");
        new TrainingRun(cfg, c, QUIET, false).stopAfter(1).run(false);
        assertTrue(Files.isRegularFile(c.resolve("checkpoints/epoch-0001").resolve(WeightAverage.FILE)));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        List<EpochRecord> r = new TrainingRun(cfg, c, new PrintStream(said, true), false).run(true).state().history();
        assertTrue(said.toString().contains("weight average: decay 0.9 (resumed after 2 updates)"), said.toString());
        for (int i = 0; i < 2; i++) {
            assertEquals(e.get(i).trainLoss(), r.get(i).trainLoss(), 1e-6, "resumed run, epoch " + (i + 1) + " train loss");
            assertEquals(e.get(i).valNme(), r.get(i).valNme(), 1e-6, "resumed run, epoch " + (i + 1) + " val NME (of the average)");
        }
        Map<String, float[]> resumedBest = weights(c.resolve("best"));
        best.forEach((k, v) -> assertArrayEquals(v, resumedBest.get(k), 1e-6f, "resumed run's best/: " + k));
    }

    static Map<String, float[]> weights(Path checkpoint) throws Exception {
        Map<String, float[]> m = new TreeMap<>();
        try (Checkpoint ck = Checkpoint.load(checkpoint)) {
            for (Pair<String, Parameter> p : ck.net().block().getParameters()) m.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return m;
    }

    static Map<String, float[]> average(Path file) throws Exception {
        Map<String, float[]> m = new TreeMap<>();
        try (NDManager nm = NDManager.newBaseManager(); InputStream is = Files.newInputStream(file)) {
            for (NDArray x : NDList.decode(nm, is)) if (!x.getName().startsWith("#")) m.put(x.getName(), x.toFloatArray());
        }
        return m;
    }
}
