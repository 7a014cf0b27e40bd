package dev.facemark.trainer.cli;

import dev.facemark.core.runtime.ConfidenceCalibration;
import dev.facemark.core.runtime.FeatureConfidence;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.trainer.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trainer calibrate-confidence} on a few validation faces: both calibrations land in a copy of the model, which opens with them. */
class CalibrateConfidenceCommandTest {
    @TempDir Path tmp;

    @Test
    void writesBothCalibrationsIntoACopyAndTheSamples() throws Exception {
        Path in = TestData.shippedModel("fast.onnx"), out = tmp.resolve("fast.onnx"), csv = tmp.resolve("samples.csv");
        byte[] before = Files.readAllBytes(in);
        CliRunner.Result r = CliRunner.run("calibrate-confidence", "--model", in.toString(), "--out", out.toString(),
                "--data-root", TestData.requireRoot().toString(), "--max-faces", "40", "--samples", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("features fit (standardised weights): ln_low_decile"), r.out());
        assertTrue(r.out().contains("degraded     40 crops"), "one degraded crop a face, reported: " + r.out());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)), "--out leaves the input as it was");
        try (LandmarkModel m = LandmarkModel.open(out, RuntimeOptions.cpu(1))) {
            assertNotNull(m.featureConfidence(), "the several-feature confidence is read back");
            assertNotNull(m.confidenceCalibration(), "and the single-feature one for older runtimes");
            assertEquals(68, m.featureConfidence().points());
        }
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).startsWith("kind,good,confidence,low_decile_confidence,ln_low_decile"), rows.get(0));
        assertTrue(rows.size() > 40 * 5, "5-6 crops a face: " + rows.size());
        assertTrue(r.out().contains(FeatureConfidence.KEY) && r.out().contains(ConfidenceCalibration.KEY), r.out());
    }
}
