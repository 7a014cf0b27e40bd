package dev.facemark.core.model;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.facemark.core.FuzzSupport;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model contract in ONNX {@code metadata_props}: a valid export's entries with keys removed,
 * replaced by fuzzed text or numbers, or added. Either a usable contract (positive, bounded sizes;
 * finite crop and normalisation numbers; the same contract after writing and reading it again) or a
 * clean {@link ContractException} naming the model.
 */
class ModelContractFuzzTest {
    static final String SOURCE = "fuzzed-model.onnx";

    static final ModelContract HEATMAP = new ModelContract("fast", "fast", PointScheme.IBUG_68, 112, 112,
            Normalization.GREY_UNIT, BoxPolicy.DEFAULT, OutputKind.HEATMAPS, 28, 28,
            Map.of("haar", DetectorCalibration.HAAR), Map.of("commit", "abc123"));
    static final ModelContract COORDINATES = new ModelContract("nose", "nose", PointScheme.NOSE_TIP, 80, 60,
            Normalization.RGB_UNIT, BoxPolicy.DEFAULT, OutputKind.COORDINATES, 0, 0, Map.of(), Map.of());

    /** Values the fuzzer picks from besides free text: edges of the number formats and sizes. */
    static final String[] EDGES = {"", " ", "0", "-1", "1", "3", "68", "NaN", "Infinity", "-Infinity", "1e39", "-0.0",
            "2147483647", "2147483648", "-2147483648", "65536", "1/255", "0.5,0.5", "0.5,0.5,0.5", "1,2,3,4", "heatmaps",
            "coordinates", "HEATMAPS", "ibug68", "nose-tip", "imm58", "\n", "a\nb"};

    @FuzzTest
    void metadata(FuzzedDataProvider data) {
        ModelContract base = data.consumeBoolean() ? HEATMAP : COORDINATES;
        Map<String, String> m = new HashMap<>(base.toMetadata());
        List<String> keys = new ArrayList<>(m.keySet());
        keys.add("facemark.output.heatmap.width");
        keys.add("facemark.output.heatmap.height");
        keys.add("facemark.calibration.yunet");
        keys.add("facemark.calibration.");
        keys.add("facemark.provenance.");
        int edits = data.consumeInt(1, 8);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            String key = data.consumeBoolean() ? data.pickValue(keys) : "facemark." + data.consumeString(20);
            switch (data.consumeInt(0, 3)) {
                case 0 -> m.remove(key);
                case 1 -> m.put(key, data.pickValue(EDGES));
                case 2 -> m.put(key, Integer.toString(data.consumeInt()));
                default -> m.put(key, data.consumeString(40));
            }
        }
        FuzzSupport.expectCleanOrSuccess(ContractException.class, SOURCE, () -> check(ModelContract.fromMetadata(m, SOURCE)));
    }

    static void check(ModelContract c) {
        if (c.inputWidth() <= 0 || c.inputHeight() <= 0 || c.inputWidth() > 4096 || c.inputHeight() > 4096) {
            throw new AssertionError("accepted input size " + c.inputWidth() + "x" + c.inputHeight());
        }
        if (c.outputKind() == OutputKind.HEATMAPS && (c.heatmapWidth() <= 0 || c.heatmapHeight() <= 0
                || c.heatmapWidth() > 4096 || c.heatmapHeight() > 4096)) {
            throw new AssertionError("accepted heatmap size " + c.heatmapWidth() + "x" + c.heatmapHeight());
        }
        BoxPolicy b = c.boxPolicy();
        for (float v : new float[] {b.scale(), b.shiftY(), b.trainEnlargeMin(), b.trainEnlargeMax(), b.testEnlarge()}) {
            if (!Float.isFinite(v)) throw new AssertionError("accepted box policy " + b);
        }
        Normalization n = c.normalization();
        for (int i = 0; i < n.channels(); i++) {
            if (!Float.isFinite(n.mean()[i]) || !Float.isFinite(n.std()[i])) throw new AssertionError("accepted normalisation " + n);
        }
        for (DetectorCalibration d : c.calibrations().values()) {
            for (float v : new float[] {d.dx(), d.dy(), d.sw(), d.sh()}) {
                if (!Float.isFinite(v)) throw new AssertionError("accepted calibration " + d);
            }
        }
        ModelContract again;
        try {
            again = ModelContract.fromMetadata(c.toMetadata(), SOURCE);
        } catch (ContractException e) {
            throw new AssertionError("a contract that was read does not read back once written: " + e.getMessage(), e);
        }
        if (!again.equals(c)) throw new AssertionError("read " + c + ", wrote it, read back " + again);
    }
}
