package dev.facemark.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bench on 50 measured frames of the sample video with the best model available (models/fast.onnx,
 * else core's fixture regressor): the report must have the documented keys and numbers that are
 * internally consistent. Structure only: no speed is asserted (CI shares 2 cores).
 */
class PipelineBenchTest {
    @TempDir static Path tmp;
    static Path model;
    static BenchResult plain;

    @BeforeAll
    static void runOnce() {
        model = Models.fastOrFixture(tmp);
        // In-line detection, so that every stage is part of some frame.
        plain = PipelineBench.run(model, BenchConfig.of(TestFiles.video()).withWarmup(10).withMaxFrames(60).withSyncDetection(true), false);
    }

    @Test
    void backgroundDetectionIsReportedApartFromTheFrames() {
        BenchResult r = PipelineBench.run(model, BenchConfig.of(TestFiles.video()).withWarmup(10).withMaxFrames(120), false);
        assertEquals(110, r.frames());
        assertEquals(110, r.framesWithFace());
        var bg = r.stages().get("detect_background");
        assertTrue(bg.count() >= 5, "periodic detections ran in the background: " + bg);
        assertTrue(bg.count() + r.stages().get("detect").count() <= r.detectionRuns(), "each run timed at most once");
        assertTrue(r.detectionRuns() - bg.count() - r.stages().get("detect").count() <= 1, "at most one still in flight at the end");
    }

    @Test
    void measuresExactlyTheFramesAfterTheWarmUp() {
        assertEquals(50, plain.frames());
        assertEquals(50, plain.timelineMs().length);
        assertEquals(50, plain.e2e().count());
        assertEquals(50, plain.stages().get("grab").count());
        assertEquals(50, plain.stages().get("inference").count(), "one face per frame in the sample, one inference each");
        assertEquals(50, plain.stages().get("write").count());
        assertEquals(0, plain.stages().get("render").count(), "no rendering asked for");
        assertEquals(50, plain.framesWithFace());
        assertTrue(plain.detectionRuns() >= 1 && plain.detectionRuns() < 50, "tracking, detector on " + plain.detectionRuns() + " frames");
        assertEquals(plain.detectionRuns(), plain.stages().get("detect").count(), "detection timed once per run of the detector");
        assertEquals("cpu", plain.device());
    }

    @Test
    void percentilesAreOrderedAndTheWholeFrameBoundsItsParts() {
        plain.stages().forEach((k, s) -> {
            if (s.count() == 0) return;
            assertTrue(s.p50Ms() >= 0 && s.p50Ms() <= s.p90Ms() && s.p90Ms() <= s.p99Ms() && s.p99Ms() <= s.maxMs() + 1e-9, k + ": " + s);
            assertTrue(s.maxMs() <= plain.e2e().maxMs() * 1.01 + 0.01, k + " max within the slowest frame");
        });
        // Means add up: the timed stages cover most of the frame and never more than all of it.
        double sum = plain.stages().values().stream().mapToDouble(s -> s.meanMs() * s.count()).sum();
        double whole = plain.e2e().meanMs() * plain.e2e().count();
        assertTrue(sum <= whole * 1.01 + 0.05, "stages " + sum + " ms vs whole frames " + whole + " ms");
        assertTrue(sum >= 0.5 * whole, "stages " + sum + " ms should cover most of " + whole + " ms");
        // Timeline and histogram describe the same frames.
        double tlMax = 0;
        for (float v : plain.timelineMs()) { assertTrue(v > 0); tlMax = Math.max(tlMax, v); }
        assertEquals(plain.e2e().maxMs(), tlMax, 0.01 * tlMax + 0.01);
        assertTrue(Double.isFinite(plain.fps()) && plain.fps() > 0);
        assertTrue(plain.cpuSeconds() > 0 && plain.cpuMsPerFrame() > 0, "process CPU time measured");
        assertEquals(50, plain.e2eCpu().count(), "thread CPU per measured frame");
        assertTrue(plain.e2eCpu().p50Ms() > 0 && plain.e2eCpu().p50Ms() <= plain.e2e().maxMs(), "a frame's CPU time fits in some frame's wall time");
        assertTrue(plain.fps() <= 1000.0 / plain.e2e().meanMs() * 1.05, "throughput cannot beat the mean frame time");
    }

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        BenchReport report = new BenchReport(TestFiles.video().toString()).add(plain)
                .add(InferenceProbe.measure(model, TestFiles.video(), "haar", dev.facemark.core.runtime.Device.CPU, 5, 20));
        Path json = tmp.resolve("bench.json");
        report.writeJson(json);
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals(plain.fps(), n.get("fps").asDouble(), 0.001);
        assertTrue(n.get("cpu_ms_per_frame").asDouble() > 0);
        for (String stage : List.of("grab", "detect", "crop", "inference", "decode", "smooth_pose", "write")) {
            JsonNode s = n.get("stages").get(stage);
            assertNotNull(s, "stage " + stage + " in " + n.get("stages"));
            for (String k : List.of("p50_ms", "p90_ms", "p99_ms", "max_ms", "count")) assertTrue(s.has(k), stage + "." + k);
            assertTrue(s.get("count").asLong() > 0);
        }
        assertFalse(n.get("stages").has("render"), "stages that did not run are left out");
        assertEquals(50, n.get("e2e").get("count").asLong());
        assertEquals(50, n.get("e2e_thread_cpu").get("count").asLong());
        assertTrue(n.get("e2e").get("p99_ms").asDouble() > 0);
        assertEquals(Runtime.getRuntime().availableProcessors(), n.get("machine").get("cores").asInt(), "cores recorded");
        assertTrue(n.get("machine").has("load_1min_at_start"), "load recorded with the numbers");
        assertEquals(1, n.get("runs").size());
        JsonNode pf = n.get("inference_per_face").get(0);
        assertEquals(20, pf.get("inference").get("count").asLong());
        assertTrue(pf.get("inference").get("p50_ms").asDouble() > 0);
        assertEquals(20, pf.get("predict_thread_cpu").get("count").asLong());
        assertTrue(report.table().contains("inference"));
    }

    @Test
    void loopingKeepsFramesAndTimesCountingSoTheTrackerSeesOneVideo() {
        // 765-frame sample: 800 frames need a second pass; tracking must carry over (no fresh detection storm).
        BenchResult r = PipelineBench.run(model, BenchConfig.of(TestFiles.video()).withWarmup(0).withLoops(2).withMaxFrames(800), false);
        assertEquals(800, r.frames());
        assertTrue(r.framesWithFace() >= 790, "faces in " + r.framesWithFace());
        assertTrue(r.detectionRuns() < 800 / 5, "detector on " + r.detectionRuns());
    }
}
