package dev.facemark.tracker.cli;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facemark.tracker.CliRun;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code tracker bench} end to end through the real command line: files written, bad input as one line. */
class BenchCommandTest {
    @TempDir Path tmp;

    private static CliRun tracker(String... args) { return CliRun.of(args); }

    @Test
    void twoModelsWithRenderingGiveJsonTableAndChart() throws Exception {
        Path a = Models.fastOrFixture(tmp), b = Models.fixture(tmp.resolve("b").toAbsolutePath());
        Files.createDirectories(b.getParent());
        if (!Files.exists(b)) b = Models.fixture(tmp.resolve("b"));
        Path json = tmp.resolve("out/bench.json");
        CliRun r = tracker("bench", "--input", TestFiles.video().toString(), "--model", a.toString(), "--model", b.toString(),
                "--render", "--frames", "40", "--warmup", "10", "--per-face-runs", "20", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, n.get("runs").size(), "2 models x (plain, rendered)");
        JsonNode rendered = n.get("runs").get(1);
        assertTrue(rendered.get("render").asBoolean());
        assertEquals(30, rendered.get("stages").get("render").get("count").asLong(), "every measured frame rendered");
        assertTrue(n.get("fps").asDouble() > 0);
        assertEquals(2, n.get("inference_per_face").size());
        Path png = tmp.resolve("out/bench.png");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "chart is a PNG");
        assertEquals(1400, img.getWidth());
        assertTrue(r.out().contains("comparison, p50 / p99 ms"), r.out());
        assertTrue(r.out().contains("+render"), r.out());
    }

    @Test
    void missingVideoIsOneLineAndExitOne() {
        CliRun r = tracker("bench", "--input", tmp.resolve("nope.mp4").toString(), "--model", Models.fixture(tmp).toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope.mp4"), r.err());
    }

    @Test
    void warmUpLongerThanTheRunIsOneLineAndExitOne() {
        CliRun r = tracker("bench", "--input", TestFiles.video().toString(), "--model", Models.fixture(tmp).toString(),
                "--frames", "20", "--warmup", "20", "--per-face-runs", "0");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--warmup"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void badRenderSizeAndDeviceAreNamed() {
        CliRun size = tracker("bench", "--input", TestFiles.video().toString(), "--render-size", "big");
        assertEquals(1, size.code());
        assertTrue(size.err().contains("--render-size"), size.err());
        CliRun dev = tracker("bench", "--input", TestFiles.video().toString(), "--device", "tpu");
        assertEquals(1, dev.code());
        assertTrue(dev.err().contains("tpu") && dev.err().contains("cuda"), dev.err());
    }

    @Test
    void renderLayersAreChosenAndAnUnknownOneIsNamed() throws Exception {
        Path json = tmp.resolve("layers.json");
        CliRun r = tracker("bench", "--input", TestFiles.video().toString(), "--model", Models.fastOrFixture(tmp).toString(),
                "--render", "--layers", "all", "--frames", "30", "--warmup", "10", "--per-face-runs", "0", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode rendered = new ObjectMapper().readTree(json.toFile()).get("runs").get(1);
        assertEquals(20, rendered.get("stages").get("render").get("count").asLong());
        CliRun bad = tracker("bench", "--input", TestFiles.video().toString(), "--render", "--layers", "video,sparkles");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("sparkles"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    @Test
    void filtersAreDrawnInTheRenderPassAndABadOneIsNamed() throws Exception {
        Path json = tmp.resolve("filters.json");
        CliRun r = tracker("bench", "--input", TestFiles.video().toString(), "--model", Models.fastOrFixture(tmp).toString(),
                "--render", "--filter", "mesh,blur", "--frames", "30", "--warmup", "10", "--per-face-runs", "0", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode rendered = new ObjectMapper().readTree(json.toFile()).get("runs").get(1);
        assertEquals(20, rendered.get("stages").get("render").get("count").asLong());
        CliRun bad = tracker("bench", "--input", TestFiles.video().toString(), "--render", "--filter", "sparkles");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("sparkles"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        CliRun noRender = tracker("bench", "--input", TestFiles.video().toString(), "--filter", "mesh");
        assertEquals(1, noRender.code());
        assertTrue(noRender.err().contains("--render"), noRender.err());
    }
}
