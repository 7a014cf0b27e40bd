package dev.facemark.core.model;

import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ModelContractTest {

    static ModelContract heatmapContract() {
        return new ModelContract("hm-test", "hourglass-lite", PointScheme.IBUG_68, 128, 96,
                new Normalization(3, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}),
                new BoxPolicy(1.2f, -0.07f, 0.01f, 0.23f, 0.11f), OutputKind.HEATMAPS, 32, 24,
                Map.of("haar", new DetectorCalibration("haar", 0.01f, 0.12f, 0.88f, 0.83f),
                        "yunet", new DetectorCalibration("yunet", -0.003f, 0.061f, 1.047f, 0.9001f)),
                Map.of("data", "300w train + ytf train", "nme_common", "0.0612", "commit", "abc123"));
    }

    static ModelContract coordinateContract() {
        return new ModelContract("coord", "mobilenet", PointScheme.NOSE_TIP, 64, 64, Normalization.GREY_UNIT,
                BoxPolicy.DEFAULT, OutputKind.COORDINATES, 0, 0, Map.of(), Map.of());
    }

    @Test
    void metadataRoundTripRestoresEveryField() {
        for (ModelContract c : List.of(heatmapContract(), coordinateContract())) {
            ModelContract back = ModelContract.fromMetadata(c.toMetadata(), "test.onnx");
            assertEquals(c, back);
            // Field by field, so a future change to equals() cannot hide a lost field.
            assertEquals(c.name(), back.name());
            assertEquals(c.architecture(), back.architecture());
            assertSame(c.scheme(), back.scheme());
            assertEquals(c.inputWidth(), back.inputWidth());
            assertEquals(c.inputHeight(), back.inputHeight());
            assertEquals(c.normalization().channels(), back.normalization().channels());
            assertArrayEquals(c.normalization().mean(), back.normalization().mean());
            assertArrayEquals(c.normalization().std(), back.normalization().std());
            assertEquals(c.boxPolicy(), back.boxPolicy());
            assertEquals(c.outputKind(), back.outputKind());
            assertEquals(c.heatmapWidth(), back.heatmapWidth());
            assertEquals(c.heatmapHeight(), back.heatmapHeight());
            assertEquals(c.calibrations(), back.calibrations());
            assertEquals(c.provenance(), back.provenance());
            assertEquals(c.toMetadata(), back.toMetadata());
        }
    }

    @Test
    void metadataValuesAreReadable() {
        Map<String, String> m = heatmapContract().toMetadata();
        assertEquals("1", m.get("facemark.contract_version"));
        assertEquals("ibug68", m.get("facemark.scheme"));
        assertEquals("68", m.get("facemark.points"));
        assertEquals("rgb", m.get("facemark.input.color"));
        assertEquals("heatmaps", m.get("facemark.output.kind"));
        assertEquals("32", m.get("facemark.output.heatmap.width"));
        assertEquals("abc123", m.get("facemark.provenance.commit"));
        assertFalse(coordinateContract().toMetadata().containsKey("facemark.output.heatmap.width"));
    }

    /** Keys that are descriptive only; every other key must be required. */
    private static final Set<String> DESCRIPTIVE = Set.of("facemark.points", "facemark.input.layout", "facemark.input.color",
            "facemark.input.scale", "facemark.box.reference", "facemark.crop.convention", "facemark.output.coordinates");

    @Test
    void eachMissingRequiredKeyIsAContractExceptionNamingIt() {
        Map<String, String> full = heatmapContract().toMetadata();
        int checked = 0;
        for (String key : full.keySet()) {
            if (DESCRIPTIVE.contains(key) || key.startsWith("facemark.calibration.") || key.startsWith("facemark.provenance.")) continue;
            Map<String, String> m = new HashMap<>(full);
            m.remove(key);
            ContractException e = assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m, "broken.onnx"),
                    "removing " + key);
            assertTrue(e.getMessage().contains(key), "message must name " + key + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("broken.onnx"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
            checked++;
        }
        assertTrue(checked >= 17, "checked " + checked + " required keys");
    }

    @Test
    void malformedValuesAreContractExceptions() {
        Map<String, String> m = new HashMap<>(heatmapContract().toMetadata());
        m.put("facemark.input.width", "wide");
        assertTrue(assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m, "x.onnx"))
                .getMessage().contains("facemark.input.width"));
        Map<String, String> m2 = new HashMap<>(heatmapContract().toMetadata());
        m2.put("facemark.scheme", "dlib5");
        assertTrue(assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m2, "x.onnx")).getMessage().contains("dlib5"));
        Map<String, String> m3 = new HashMap<>(heatmapContract().toMetadata());
        m3.put("facemark.output.kind", "boxes");
        assertTrue(assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m3, "x.onnx")).getMessage().contains("boxes"));
        Map<String, String> m4 = new HashMap<>(heatmapContract().toMetadata());
        m4.put("facemark.calibration.haar", "1,2");
        assertTrue(assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m4, "x.onnx"))
                .getMessage().contains("facemark.calibration.haar"));
        Map<String, String> m5 = new HashMap<>(heatmapContract().toMetadata());
        m5.put("facemark.input.channels", "1"); // but three means and stds
        assertTrue(assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m5, "x.onnx"))
                .getMessage().contains("normalisation"));
    }

    @Test
    void pointCountMustMatchTheSchemeWhenPresent() {
        Map<String, String> m = new HashMap<>(heatmapContract().toMetadata());
        m.put("facemark.points", "5");
        ContractException e = assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m, "x.onnx"));
        assertTrue(e.getMessage().contains("facemark.points") && e.getMessage().contains("68"), e.getMessage());
        m.put("facemark.points", "many");
        assertTrue(assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m, "x.onnx"))
                .getMessage().contains("facemark.points"));
        m.remove("facemark.points"); // optional: older exports lack it
        assertEquals(68, ModelContract.fromMetadata(m, "x.onnx").points());
        m.put("facemark.points", " 68 ");
        assertEquals(68, ModelContract.fromMetadata(m, "x.onnx").points());
    }

    @Test
    void calibrationFallsBackToBuiltIns() {
        ModelContract c = coordinateContract();
        assertEquals(DetectorCalibration.HAAR, c.calibration("haar"));
        assertEquals(DetectorCalibration.YUNET, c.calibration("yunet"));
        assertEquals(DetectorCalibration.IDENTITY, c.calibration("other"));
        assertEquals(0.01f, heatmapContract().calibration("haar").dx());
        assertEquals("v", c.withProvenance("k", "v").provenance().get("k"));
        assertThrows(IllegalArgumentException.class, () -> new ModelContract("x", "y", PointScheme.IBUG_68, 64, 64,
                Normalization.GREY_UNIT, BoxPolicy.DEFAULT, OutputKind.HEATMAPS, 0, 0, Map.of(), Map.of()));
    }

    /** Found by fuzzing (issue 16): each used to be accepted, or to escape as another exception, or to print the raw value. */
    @Test
    void outOfRangeNonFiniteAndMultiLineValuesAreOneLineContractExceptions() {
        Map<String, String[]> bad = new java.util.LinkedHashMap<>();
        bad.put("facemark.input.width", new String[] {"0", "-3", "100000", "2147483647"});
        bad.put("facemark.output.heatmap.width", new String[] {"0", "4096", "100000"});
        bad.put("facemark.box.scale", new String[] {"NaN", "0", "-1", "Infinity"});
        bad.put("facemark.box.shift_y", new String[] {"NaN", "-Infinity", "1e39"});
        bad.put("facemark.input.mean", new String[] {"NaN,0.5,0.5", "0.5,x\ny,0.5"});
        bad.put("facemark.input.std", new String[] {"Infinity,1,1", "0,1,1"});
        bad.put("facemark.calibration.haar", new String[] {"NaN,0,1,1", "0,0,0,1", "0,0,1,1\nx", "1,2,3"});
        bad.put("facemark.output.kind", new String[] {"heat\nmaps"});
        bad.put("facemark.scheme", new String[] {"ibug\n68"});
        for (var e : bad.entrySet()) {
            for (String v : e.getValue()) {
                Map<String, String> m = new HashMap<>(heatmapContract().toMetadata());
                m.put(e.getKey(), v);
                ContractException ex = assertThrows(ContractException.class, () -> ModelContract.fromMetadata(m, "x.onnx"), e.getKey() + "=" + v);
                assertTrue(ex.getMessage().startsWith("x.onnx"), ex.getMessage());
                assertFalse(ex.getMessage().contains("\n"), ex.getMessage());
            }
        }
        Map<String, String> ok = new HashMap<>(heatmapContract().toMetadata());
        ok.put("facemark.output.kind", " Heatmaps ");
        assertEquals(OutputKind.HEATMAPS, ModelContract.fromMetadata(ok, "x.onnx").outputKind());
    }
}
