package dev.facemark.tracker.bench;

import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The leak check's bookkeeping on a short run (the 20000-frame run is measured by hand, see BENCH.md). */
class MemoryProbeTest {
    @TempDir Path tmp;

    @Test
    void residentMemoryIsReadFromProc() {
        long kb = ResidentMemory.rssKb();
        assertTrue(kb > 10_000, "a JVM is more than 10 MB resident: " + kb);
        assertTrue(ResidentMemory.loadAverage() >= 0);
    }

    @Test
    void samplesFromTheEndOfTheWarmUpToTheLastFrame() {
        MemoryProbe.Result r = MemoryProbe.measure(Models.fastOrFixture(tmp), BenchConfig.of(TestFiles.video()).withWarmup(50), 250, 100);
        assertEquals(50, r.baseline().frame());
        assertEquals(250, r.end().frame());
        assertEquals(java.util.List.of(50L, 100L, 200L, 250L), r.samples().stream().map(MemoryProbe.Sample::frame).toList());
        assertEquals(200, r.run().frames());
        assertTrue(r.baseline().rssKb() > 0 && r.end().rssKb() > 0);
        double expected = 100.0 * (r.end().rssKb() - r.baseline().rssKb()) / r.baseline().rssKb();
        assertEquals(expected, r.rssGrowthPercent(), 1e-9);
        String table = new BenchReport("x").memory(r).table();
        assertTrue(table.contains("RSS") && table.contains("250"), table);
    }

    @Test
    void memoryRunNeedsMoreFramesThanTheWarmUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryProbe.measure(Models.fixture(tmp), BenchConfig.of(TestFiles.video()).withWarmup(100), 100, 10));
        assertTrue(e.getMessage().contains("warm-up"));
    }
}
