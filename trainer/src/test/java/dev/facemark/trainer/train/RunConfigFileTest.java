package dev.facemark.trainer.train;

import dev.facemark.core.data.DatasetSplit;
import dev.facemark.core.data.FaceSample;
import dev.facemark.trainer.BadInputException;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run folder's config.json reads back as it was written, in today's grouped form and in the flat form of older runs. */
class RunConfigFileTest {
    @TempDir Path tmp;

    static TrainConfig config(long seed, long splitSeed) { return config(seed, splitSeed, 0f); }

    static TrainConfig config(long seed, long splitSeed, float emaDecay) {
        return new TrainConfig(new TrainConfig.Network("fast", Map.of("width", "0.75"), 96, 80, 1),
                new TrainConfig.Data(List.of("300w", "ytf"), "../shared/data", 0.1, splitSeed, 0, true, 0.25f, 0f, 0f, 0f),
                new TrainConfig.Schedule(40, 32, 7e-4f, 0.5f, 3),
                new TrainConfig.Optimisation(CoordinateLoss.MSE, AdamVariant.ADAM, 1e-4f, -1f, emaDecay),
                new TrainConfig.Compute(1, 2, 1500), seed, true);
    }

    @Test
    void roundTrip() throws Exception {
        TrainConfig c = config(43, 42, 0.999f);
        RunConfigFile.write(tmp, c);
        assertEquals(c, RunConfigFile.read(tmp));
        assertEquals(0.999f, RunConfigFile.read(tmp).optimisation().emaDecay());
        String json = Files.readString(tmp.resolve(RunConfigFile.NAME));
        assertTrue(json.contains("\"optimizer\" : \"adam\"") && json.contains("\"loss\" : \"mse\""), json);
    }

    /** A grouped config.json from before --ema (no emaDecay) resumes with the average off, as it ran. */
    @Test
    void groupedConfigWithoutWeightAverageReadsOff() throws Exception {
        RunConfigFile.write(tmp, config(43, 42, 0.5f));
        Path f = tmp.resolve(RunConfigFile.NAME);
        String json = Files.readString(f);
        String older = json.replaceAll(",\\s*\"emaDecay\" : [0-9.Ee+-]+", "");
        assertTrue(json.contains("\"emaDecay\" : 0.5") && !older.contains("emaDecay"), older);
        Files.writeString(f, older);
        assertEquals(config(43, 42, 0f), RunConfigFile.read(tmp));
    }

    /** A config.json written by the trainer before the config was grouped (session 7's fast-ft3, with other values). */
    @Test
    void flatConfigOfAnOlderRunResumes() throws Exception {
        Files.writeString(tmp.resolve(RunConfigFile.NAME), """
                {
                  "arch" : "fast", "archOptions" : { "width" : "0.75" }, "datasets" : [ "300w", "ytf" ],
                  "dataRoot" : "../shared/data", "epochs" : 40, "batch" : 32, "lr" : 7.0E-4, "optimizer" : "adam",
                  "loss" : "mse", "weightDecay" : 1.0E-4, "inputWidth" : 96, "inputHeight" : 80, "channels" : 1,
                  "seed" : 43, "valFraction" : 0.1, "maxFaces" : 0, "threads" : 1, "workers" : 2, "warmupEpochs" : 0.5,
                  "patience" : 3, "cacheMb" : 1500, "augment" : true, "exportOnnx" : true, "detectorBoxes" : 0.25,
                  "clipGrad" : -1.0
                }
                """);
        assertEquals(config(43, 43), RunConfigFile.read(tmp), "the split seed of an older run is its seed");
    }

    @Test
    void notAConfig() throws Exception {
        BadInputException missing = assertThrows(BadInputException.class, () -> RunConfigFile.read(tmp));
        assertTrue(missing.getMessage().contains("not a run folder"), missing.getMessage());
        Files.writeString(tmp.resolve(RunConfigFile.NAME), "{ \"epochs\" : 3 }");
        BadInputException bad = assertThrows(BadInputException.class, () -> RunConfigFile.read(tmp));
        assertTrue(bad.getMessage().contains(RunConfigFile.NAME) && bad.getMessage().contains("no '"), bad.getMessage());
    }

    /** The point of the split seed: another training seed, the same validation faces. */
    @Test
    void splitSeedKeepsTheValidationFaces() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        String root = TestData.requireRoot().toString();
        java.util.function.BiFunction<Long, Long, List<String>> validation = (seed, splitSeed) -> {
            TrainConfig c = new TrainConfig(new TrainConfig.Network("fast", Map.of(), 0, 0, 0),
                    new TrainConfig.Data(List.of("300w"), root, 0.1, splitSeed, 0, false, 0f, 0f, 0f, 0f),
                    new TrainConfig.Schedule(1, 4, 1e-3f, 0f, 0), new TrainConfig.Optimisation(CoordinateLoss.L1, AdamVariant.ADAMW, 0f, 0f, 0f),
                    new TrainConfig.Compute(1, 1, 64), seed, false);
            DatasetSplit s = TrainingData.split(c, quiet);
            return s.validation().samples().stream().map(FaceSample::name).toList();
        };
        List<String> a = validation.apply(42L, 42L);
        assertEquals(a, validation.apply(43L, 42L), "same split seed, other seed: same validation faces");
        assertNotEquals(a, validation.apply(43L, 43L), "another split seed moves the split");
    }
}
