package dev.facemark.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facemark.tracker.profile.Stage;
import dev.facemark.tracker.profile.StageTimer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LatencyStatsTest {
    @TempDir Path tmp;

    @Test
    void percentilesOfMicrosecondsInMilliseconds() {
        Histogram h = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 100; i++) h.recordValue(i * 1000L); // 1..100 ms
        LatencyStats s = LatencyStats.ofMicros(h);
        assertEquals(100, s.count());
        assertEquals(50, s.p50Ms(), 0.1);
        assertEquals(90, s.p90Ms(), 0.1);
        assertEquals(99, s.p99Ms(), 0.1);
        assertEquals(100, s.maxMs(), 0.1);
        assertEquals(50.5, s.meanMs(), 0.1);
        assertEquals(LatencyStats.EMPTY, LatencyStats.ofMicros(new Histogram(1000, 3)));
    }

    @Test
    void liveProfileHasTheBenchShape() throws Exception {
        StageTimer t = new StageTimer();
        for (int i = 0; i < 10; i++) {
            t.record(Stage.GRAB, 1_000_000);
            t.record(Stage.INFERENCE, 2_000_000);
            t.record(Stage.FRAME, 4_000_000);
        }
        Path f = tmp.resolve("p/live.json");
        BenchReport.writeProfile(f, t, 10, 0.5, "fast.onnx");
        JsonNode n = new ObjectMapper().readTree(f.toFile());
        assertEquals(20.0, n.get("fps").asDouble(), 1e-9);
        assertEquals(2.0, n.get("stages").get("inference").get("p50_ms").asDouble(), 0.01);
        assertEquals(10, n.get("stages").get("grab").get("count").asLong());
        assertFalse(n.get("stages").has("detect"), "stages with no samples are left out");
        assertEquals(4.0, n.get("e2e").get("p99_ms").asDouble(), 0.01);
    }

    @Test
    void stageKeysAreStableJsonNames() {
        assertEquals("smooth_pose", BenchStages.key(Stage.SMOOTH_POSE));
        assertFalse(java.util.Arrays.asList(BenchStages.perFrame()).contains(Stage.FRAME), "the whole frame is e2e, not a stage");
    }
}
