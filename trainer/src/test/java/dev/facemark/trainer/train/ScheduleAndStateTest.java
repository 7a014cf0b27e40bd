package dev.facemark.trainer.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Warmup + cosine learning rate, and the early-stopping bookkeeping that survives a resume. */
class ScheduleAndStateTest {
    @TempDir Path tmp;

    @Test
    void warmupThenCosineToTheFloor() {
        LearningRateSchedule s = new LearningRateSchedule(1e-3f, 10, 110, 0.01f);
        assertEquals(1e-4f, s.at(0), 1e-9);
        assertEquals(1e-3f, s.at(9), 1e-9);
        assertEquals(1e-3f, s.at(10), 1e-9);
        assertEquals(0.5f * (1e-3f + 1e-5f), s.at(60), 1e-7);
        assertEquals(1e-5f, s.at(110), 1e-9);
        for (long t = 10; t < 110; t++) assertTrue(s.at(t + 1) <= s.at(t), "monotone after warmup at " + t);
    }

    @Test
    void bestEpochAndPatienceCounterRoundTrip() throws Exception {
        RunState s = RunState.fresh()
                .after(new EpochRecord(1, 0.2, 0.2, 0.10, 1e-3, 10, 1), 5)
                .after(new EpochRecord(2, 0.1, 0.1, 0.08, 1e-3, 10, 1), 10)
                .after(new EpochRecord(3, 0.1, 0.1, 0.09, 1e-3, 10, 1), 15)
                .after(new EpochRecord(4, 0.1, 0.1, 0.085, 1e-3, 10, 1), 20);
        assertEquals(2, s.bestEpoch());
        assertEquals(0.08, s.bestValNme(), 1e-12);
        assertEquals(2, s.epochsSinceBest());
        s.write(tmp.resolve("state.json"));
        RunState r = RunState.read(tmp.resolve("state.json"));
        assertEquals(s, r);
        assertEquals(Double.MAX_VALUE, RunState.read(write(RunState.fresh())).bestValNme());
    }

    private Path write(RunState s) throws Exception {
        Path p = tmp.resolve("fresh.json");
        s.write(p);
        return p;
    }
}
