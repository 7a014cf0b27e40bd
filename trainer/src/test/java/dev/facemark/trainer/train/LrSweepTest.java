package dev.facemark.trainer.train;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep runs each rate on the same data and draws one chart of all curves. */
class LrSweepTest {
    @TempDir Path tmp;

    @Test
    void eachRateGetsARunAndTheChartShowsThemAll() throws Exception {
        TrainConfig base = TinyRuns.config("nose", Map.of(), 80, 60, 10, 4, 1, 1e-3f, false);
        Map<Float, List<EpochRecord>> r = LrSweep.run(base, List.of(1e-4f, 3e-3f), tmp,
                new PrintStream(OutputStream.nullOutputStream()), false);
        assertEquals(2, r.size());
        assertNotEquals(r.get(1e-4f).get(0).valLoss(), r.get(3e-3f).get(0).valLoss(), "different rates, different curves");
        assertTrue(Files.size(tmp.resolve("lr-sweep.png")) > 1000);
        assertEquals(1 + 2, Files.readAllLines(tmp.resolve("lr-sweep.csv")).size());
        assertTrue(Files.isDirectory(tmp.resolve("lr-1e-04/checkpoints")) && Files.isDirectory(tmp.resolve("lr-3e-03/best")));
    }
}
