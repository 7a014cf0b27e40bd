package dev.facemark.trainer.cli;

import ai.djl.ndarray.NDManager;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.TestData;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.onnx.OnnxExporter;
import dev.facemark.trainer.train.AdamVariant;
import dev.facemark.trainer.train.CoordinateLoss;
import dev.facemark.trainer.train.TrainConfig;
import dev.facemark.trainer.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trainer report} builds one HTML page whose pictures come from a real run and a real heatmap model. */
class ReportCommandTest {
    @TempDir Path tmp;

    @Test
    void pageReferencesEverySection() throws Exception {
        Path run = tmp.resolve("run");
        TrainConfig cfg = new TrainConfig(new TrainConfig.Network("nose", Map.of(), 0, 0, 1),
                new TrainConfig.Data(List.of("300w"), TestData.requireRoot().toString(), 0.25, 3L, 10, false, 0f, 0f, 0f, 0f),
                new TrainConfig.Schedule(2, 4, 1e-3f, 0f, 0),
                new TrainConfig.Optimisation(CoordinateLoss.L1, AdamVariant.ADAMW, 1e-4f, -1f, 0f),
                new TrainConfig.Compute(1, 1, 128), 3L, false);
        new TrainingRun(cfg, run, new PrintStream(OutputStream.nullOutputStream()), false).run(false);
        LandmarkNet net = Architectures.create("fast", new ArchConfig(32, 32, 1, 68, Map.of("head", "heatmap")));
        Path onnx = tmp.resolve("hm.onnx");
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            net.initialize(m);
            OnnxExporter.export(net, net.contract("hm", PointScheme.IBUG_68, Normalization.GREY_UNIT, BoxPolicy.DEFAULT, Map.of()), onnx);
        }
        Path out = tmp.resolve("report");
        CliRunner.Result r = CliRunner.run("report", "--run", run.toString(), "--model", onnx.toString(), "--data",
                TestData.requireRoot().resolve("300w").toString(), "--split", "common", "--faces", "8", "--points", "30,36",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("index.html"));
        for (String png : List.of("loss.png", "val-nme.png", "ced.png", "samples.png", "failures.png", "heatmaps.png", "filters-run.png")) {
            assertTrue(html.contains("src=\"" + png + "\""), "page shows " + png);
            assertTrue(Files.size(out.resolve(png)) > 1000, png + " drawn");
        }
    }

    @Test
    void notARunFolderIsOneLine() {
        CliRunner.Result r = CliRunner.run("report", "--run", tmp.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("not a run folder") && r.err().strip().lines().count() == 1, r.err());
    }
}
