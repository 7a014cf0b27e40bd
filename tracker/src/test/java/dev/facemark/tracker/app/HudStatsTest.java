package dev.facemark.tracker.app;

import dev.facemark.tracker.profile.Stage;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.render.HudInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The HUD's numbers come from the stage timer: means over the refresh window, in pipeline order. */
class HudStatsTest {
    @Test
    void meansPerStageInPipelineOrderRefreshedTwiceASecond() throws Exception {
        StageTimer t = new StageTimer();
        HudStats hud = new HudStats(t, "fast");
        assertTrue(Double.isNaN(hud.get().fps()), "nothing to show before the first frame");
        assertEquals("fast", hud.get().modelName());
        for (int i = 0; i < 4; i++) {
            t.record(Stage.INFERENCE, 2_000_000 + i * 1_000_000); // 2, 3, 4, 5 ms: mean 3.5
            t.record(Stage.GRAB, 1_000_000);
            t.record(Stage.FRAME, 10_000_000);
        }
        t.record(Stage.DETECT, 8_000_000);
        HudInfo first = hud.get();
        assertEquals(3.5, first.stageMs().get("inference"), 1e-9);
        assertEquals(8.0, first.stageMs().get("detect"), 1e-9);
        assertEquals(List.of("grab", "detect", "inference", "frame"), List.copyOf(first.stageMs().keySet()), "pipeline order");
        assertTrue(first.fps() > 0);

        t.record(Stage.INFERENCE, 9_000_000);
        t.record(Stage.FRAME, 10_000_000);
        assertSame(first, hud.get(), "no refresh within half a second");
        Thread.sleep(520);
        HudInfo second = hud.get();
        assertEquals(9.0, second.stageMs().get("inference"), 1e-9, "the mean of the new window only");
        assertEquals(8.0, second.stageMs().get("detect"), 1e-9, "a stage that did not run keeps its last value");
        assertTrue(second.fps() > 0.5 && second.fps() < 2.5, "one frame in ~0.52 s: " + second.fps());
    }
}
