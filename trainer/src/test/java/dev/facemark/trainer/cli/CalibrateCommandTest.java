package dev.facemark.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.trainer.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trainer calibrate} on a few real training faces, with the shared (tracker's) Haar detector. */
class CalibrateCommandTest {
    @TempDir Path tmp;

    @Test
    void fitsAHaarCalibrationThatImprovesTheOverlapAndNamesTheDetector() throws Exception {
        Path json = tmp.resolve("calib.json");
        CliRunner.Result r = CliRunner.run("calibrate", "--data", "300w", "--data-root", TestData.requireRoot().toString(),
                "--max-faces", "16", "--seed", "3", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(HaarCascadeDetector.describe(), j.get("detector_parameters").asText(), "the calibration records which detector it fits");
        assertTrue(j.get("matched").asInt() >= 10, "Haar finds most frontal training faces: " + j);
        // Haar boxes are square and sit high on the face: the landmark box is lower and a little smaller.
        assertTrue(j.get("dy").asDouble() > 0.05 && j.get("dy").asDouble() < 0.3, "dy " + j);
        assertTrue(j.get("sw").asDouble() > 0.7 && j.get("sw").asDouble() < 1.1, "sw " + j);
        assertTrue(j.get("mean_iou_calibrated").asDouble() > j.get("mean_iou_raw").asDouble() + 0.05, "calibration helps: " + j);
    }
}
