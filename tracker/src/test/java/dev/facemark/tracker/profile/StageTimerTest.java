package dev.facemark.tracker.profile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StageTimerTest {
    @Test
    void recordsPercentilesPerStageAndSkipsStagesThatDidNotRun() {
        StageTimer t = new StageTimer();
        for (int i = 1; i <= 100; i++) t.record(Stage.INFERENCE, i * 10_000L); // 0.01 .. 1 ms
        t.record(Stage.FRAME, 5_000_000L);
        assertEquals(100, t.count(Stage.INFERENCE));
        assertEquals(0, t.count(Stage.DETECT));
        assertEquals(500, t.histogram(Stage.INFERENCE).getValueAtPercentile(50), 5);
        assertEquals(1000, t.histogram(Stage.INFERENCE).getMaxValue(), 5);
        String s = t.summary();
        assertTrue(s.contains("inference") && !s.contains("detection"), s);
        long lap = t.lap(Stage.WRITE, System.nanoTime() - 2_000_000);
        assertTrue(lap > 0 && t.count(Stage.WRITE) == 1);
        t.reset();
        assertEquals(0, t.count(Stage.INFERENCE));
        StageTimer off = StageTimer.disabled();
        off.record(Stage.GRAB, 1000);
        assertEquals(0, off.count(Stage.GRAB));
    }
}
