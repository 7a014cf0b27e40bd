package dev.facemark.core.runtime;

import ai.onnx.proto.OnnxMl;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.points.PointScheme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.facemark.core.runtime.FixtureModels.intAttr;
import static dev.facemark.core.runtime.FixtureModels.ints;
import static dev.facemark.core.runtime.FixtureModels.longs;
import static dev.facemark.core.runtime.FixtureModels.node;
import static dev.facemark.core.runtime.FixtureModels.tensor;

/**
 * Small ONNX models for the ONNX fuzz targets, built from fuzzed choices: the contract in the
 * metadata (point scheme, input and heatmap sizes, channels, output kind), the declared tensor
 * names, element types and shapes, and the real shapes the graph computes, each of which may
 * disagree with the others. The graph: {@code m = mean(input)} per face, then
 * {@code landmarks = m * k + base} (base [1, P, 2]) and {@code heatmaps = expand(m, [1, P, h, w])},
 * or {@code landmarks = input} for a model that is not a landmark model at all.
 *
 * <p>{@code main(DIR)} writes the valid seed models for {@code OnnxModelFuzzTest#onnxBytes}.
 */
final class FuzzModels {
    private FuzzModels() {}

    static final long SYMBOLIC = -1;
    private static final PointScheme[] SCHEMES = {PointScheme.IBUG_68, PointScheme.NOSE_TIP, PointScheme.IMM_58};
    /** Sizes that a broken export might declare: zero, negative, just over the limits, overflowing. */
    private static final long[] EDGE_SIZES = {0, -1, -7, 1, 2, 1024, 1025, 4096, 65536, 1L << 31, (1L << 31) - 1, 1L << 32, 1L << 40, Long.MAX_VALUE};
    private static final int[] ELEM_TYPES = {
            OnnxMl.TensorProto.DataType.FLOAT.getNumber(), OnnxMl.TensorProto.DataType.DOUBLE.getNumber(),
            OnnxMl.TensorProto.DataType.UINT8.getNumber(), OnnxMl.TensorProto.DataType.INT64.getNumber(),
            OnnxMl.TensorProto.DataType.FLOAT16.getNumber()};

    /** A valid model: {@code points} landmarks from a {@code side} x {@code side} grey input, heatmaps when {@code heat > 0}. */
    static byte[] valid(PointScheme scheme, int side, int heat) {
        return declaring(scheme, side, heat, 2, SYMBOLIC);
    }

    /**
     * A model that declares what its contract says, with batch {@code batch} (-1: dynamic), but whose
     * landmarks really have {@code realLast} values per point (2 is right).
     */
    static byte[] declaring(PointScheme scheme, int side, int heat, int realLast, long batch) {
        ModelContract c = new ModelContract("fuzz-seed", "fuzz-seed", scheme, side, side, Normalization.GREY_UNIT, BoxPolicy.DEFAULT,
                heat > 0 ? OutputKind.HEATMAPS : OutputKind.COORDINATES, heat, heat, Map.of(), Map.of());
        int p = scheme.count();
        OnnxMl.GraphProto.Builder g = body(false, false, p, realLast, p, heat, heat);
        g.addInput(value(ModelContract.INPUT_NAME, FLOAT, batch, 1, side, side));
        g.addOutput(value(ModelContract.LANDMARKS_NAME, FLOAT, batch, p, 2));
        if (heat > 0) g.addOutput(value(ModelContract.HEATMAPS_NAME, FLOAT, batch, p, heat, heat));
        return model(g, c.toMetadata());
    }

    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT.getNumber();

    /** A model from fuzzed choices; see the class comment. */
    static byte[] fuzzed(FuzzedDataProvider d) {
        PointScheme scheme = d.pickValue(SCHEMES);
        int p = scheme.count();
        long w = size(d, 8, 24), h = d.consumeBoolean() ? w : size(d, 8, 24);
        long ch = d.consumeInt(0, 9) == 0 ? size(d, 0, 4) : d.consumeBoolean() ? 1 : 3;
        boolean heat = d.consumeBoolean();
        long hw = size(d, 2, 8), hh = d.consumeBoolean() ? hw : size(d, 2, 8);

        // The contract, written as a valid export would, then with its size keys set to the fuzzed sizes.
        ModelContract valid = new ModelContract("fuzzed", "fuzzed", scheme, 16, 16, ch == 3 ? Normalization.RGB_UNIT : Normalization.GREY_UNIT,
                BoxPolicy.DEFAULT, heat ? OutputKind.HEATMAPS : OutputKind.COORDINATES, 4, 4, Map.of(), Map.of());
        Map<String, String> meta = new LinkedHashMap<>(valid.toMetadata());
        meta.put("facemark.input.width", Long.toString(w));
        meta.put("facemark.input.height", Long.toString(h));
        meta.put("facemark.input.channels", Long.toString(ch));
        if (heat) {
            meta.put("facemark.output.heatmap.width", Long.toString(hw));
            meta.put("facemark.output.heatmap.height", Long.toString(hh));
        }

        // What the graph really computes (usually what the contract says).
        boolean identity = d.consumeInt(0, 7) == 0;
        boolean extraInput = d.consumeInt(0, 7) == 0;
        long realP = d.consumeInt(0, 4) == 0 ? size(d, 1, 70) : p;
        long realLast = d.consumeInt(0, 6) == 0 ? size(d, 1, 3) : 2;
        long realHw = d.consumeInt(0, 4) == 0 ? size(d, 1, 8) : hw, realHh = d.consumeInt(0, 4) == 0 ? size(d, 1, 8) : hh;
        boolean makeHeat = d.consumeInt(0, 5) == 0 ? !heat : heat;
        OnnxMl.GraphProto.Builder g = body(identity, extraInput, clamp(realP, 1, 70), clamp(realLast, 1, 3),
                clamp(realP, 1, 70), makeHeat ? clamp(realHw, 1, 16) : 0, clamp(realHh, 1, 16));

        // What the graph declares (usually what the contract says, a dimension now and then anything).
        long batch = d.consumeInt(0, 3) == 0 ? size(d, 1, 4) : SYMBOLIC;
        g.addInput(value(d.consumeInt(0, 15) == 0 ? "image" : ModelContract.INPUT_NAME, elemType(d),
                dims(d, batch, ch, h, w)));
        if (extraInput) g.addInput(value("scale", FLOAT, 1));
        g.addOutput(value(d.consumeInt(0, 15) == 0 ? "output" : ModelContract.LANDMARKS_NAME, elemType(d),
                identity ? dims(d, batch, ch, h, w) : dims(d, batch, p, 2)));
        if (makeHeat) {
            g.addOutput(value(d.consumeInt(0, 15) == 0 ? "maps" : ModelContract.HEATMAPS_NAME, elemType(d), dims(d, batch, p, hh, hw)));
        }
        return model(g, meta);
    }

    /** Mostly a small size in [lo, hi], sometimes an edge value. */
    private static long size(FuzzedDataProvider d, int lo, int hi) {
        return d.consumeInt(0, 5) == 0 ? d.pickValue(EDGE_SIZES) : d.consumeInt(lo, hi);
    }

    private static int clamp(long v, int lo, int hi) { return (int) Math.max(lo, Math.min(hi, v)); }

    private static int elemType(FuzzedDataProvider d) {
        return d.consumeInt(0, 15) == 0 ? d.pickValue(ELEM_TYPES) : FLOAT;
    }

    /** {@code expected}, with its rank or one dimension changed now and then (a negative value is symbolic). */
    private static long[] dims(FuzzedDataProvider d, long... expected) {
        long[] out = expected.clone();
        switch (d.consumeInt(0, 9)) {
            case 0 -> out[d.consumeInt(0, out.length - 1)] = d.pickValue(EDGE_SIZES);
            case 1 -> out[d.consumeInt(0, out.length - 1)] = SYMBOLIC;
            case 2 -> out = java.util.Arrays.copyOf(out, d.consumeInt(0, out.length + 1));
            default -> { }
        }
        return out;
    }

    /** The nodes and initializers; inputs and outputs are declared by the caller. */
    private static OnnxMl.GraphProto.Builder body(boolean identity, boolean extraInput, int p, int last, int heatP, int hw, int hh) {
        OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("fuzz");
        if (identity) {
            g.addNode(node("Identity", new String[] {ModelContract.INPUT_NAME}, ModelContract.LANDMARKS_NAME));
            return g;
        }
        float[] base = new float[p * last];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < last; j++) base[i * last + j] = (float) (8 + 5 * (j == 0 ? Math.cos(i) : Math.sin(i)));
        }
        g.addInitializer(tensor("base", base, 1, p, last));
        g.addInitializer(longs("shape3", -1, 1, 1));
        if (!extraInput) g.addInitializer(tensor("scale", new float[] {0.05f}, 1));
        g.addNode(node("ReduceMean", new String[] {ModelContract.INPUT_NAME}, "m")
                .addAttribute(ints("axes", 1, 2, 3)).addAttribute(intAttr("keepdims", 1)));
        g.addNode(node("Reshape", new String[] {"m", "shape3"}, "m3"));
        g.addNode(node("Mul", new String[] {"m3", "scale"}, "off"));
        g.addNode(node("Add", new String[] {"off", "base"}, ModelContract.LANDMARKS_NAME));
        if (hw > 0) {
            g.addInitializer(longs("mapshape", 1, heatP, hh, hw));
            g.addNode(node("Expand", new String[] {"m", "mapshape"}, ModelContract.HEATMAPS_NAME));
        }
        return g;
    }

    /** A tensor value of element type {@code type}; a negative dimension is symbolic. */
    private static OnnxMl.ValueInfoProto value(String name, int type, long... dims) {
        OnnxMl.TensorShapeProto.Builder s = OnnxMl.TensorShapeProto.newBuilder();
        for (long v : dims) {
            s.addDim(v < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(v));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type).setShape(s))).build();
    }

    private static byte[] model(OnnxMl.GraphProto.Builder g, Map<String, String> metadata) {
        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("facemark-fuzz").setGraph(g)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13));
        for (var e : metadata.entrySet()) {
            m.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return m.build().toByteArray();
    }

    /** Writes the seed models of {@code OnnxModelFuzzTest#onnxBytes} into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.write(dir.resolve("nose_tip_regressor_16.onnx"), valid(PointScheme.NOSE_TIP, 16, 0));
        Files.write(dir.resolve("nose_tip_heatmap_16_4.onnx"), valid(PointScheme.NOSE_TIP, 16, 4));
        Files.write(dir.resolve("ibug68_regressor_16.onnx"), valid(PointScheme.IBUG_68, 16, 0));
    }
}
