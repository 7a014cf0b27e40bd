package dev.facemark.core.runtime;

import ai.onnx.proto.OnnxMl;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.points.PointScheme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Small but real ONNX landmark models for tests, written with the ONNX protobuf classes until the
 * trainer's exported models exist. Both carry the facemark contract in their metadata.
 *
 * <ul>
 *   <li>{@link #regressor}: landmarks = mean face placed where the box policy expects it
 *       + k * mean(input): a known function of the input, so tests can compute the exact answer, and
 *       a crop-to-landmarks fixed point, so tracking from the previous frame's points is stable.</li>
 *   <li>{@link #heatmap}: a strided convolution (random, fixed weights) to P maps, softmax over each
 *       map's pixels, soft-argmax to input pixels: the real shape of a heatmap model.</li>
 * </ul>
 */
public final class FixtureModels {
    private FixtureModels() {}

    /**
     * Input pixels the regressor's points move per unit of mean normalised input. Small on purpose:
     * tracking feeds the points back into the next crop, so any offset accumulates frame after
     * frame; 0.05 px keeps the drift under a pixel between two detector runs.
     */
    public static final float K = 0.05f;

    public static ModelContract contract(String name, int size, int channels, OutputKind kind, int heat) {
        Normalization norm = channels == 1 ? Normalization.GREY_UNIT : Normalization.RGB_UNIT;
        return new ModelContract(name, kind == OutputKind.HEATMAPS ? "fixture-heatmap" : "fixture-regressor",
                PointScheme.IBUG_68, size, size, norm, BoxPolicy.DEFAULT, kind, heat, heat, Map.of(),
                Map.of("fixture", "built by FixtureModels for tests"));
    }

    /**
     * The 300-W training mean shape (test resource), in model input pixels such that its tight box is
     * exactly the reference box whose test crop is the input: feed it back and the crop is unchanged.
     */
    public static float[] meanShapeInInput(ModelContract c) {
        float[] unit = meanShapeUnit();
        float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < unit.length; i += 2) {
            minX = Math.min(minX, unit[i]); maxX = Math.max(maxX, unit[i]);
            minY = Math.min(minY, unit[i + 1]); maxY = Math.max(maxY, unit[i + 1]);
        }
        BoxPolicy p = c.boxPolicy();
        float w = maxX - minX, h = maxY - minY, side = p.scale() * Math.max(w, h) * (1 + p.testEnlarge());
        float s = c.inputWidth() / side;                       // input pixels per unit
        float cx = (minX + maxX) / 2, cy = (minY + maxY) / 2 + p.shiftY() * h; // crop centre in unit coords
        float ox = c.inputWidth() / 2f - 0.5f, oy = c.inputHeight() / 2f - 0.5f;
        float[] out = new float[unit.length];
        for (int i = 0; i < unit.length; i += 2) {
            out[i] = ox + (unit[i] - cx) * s;
            out[i + 1] = oy + (unit[i + 1] - cy) * s;
        }
        return out;
    }

    public static float[] meanShapeUnit() {
        try (InputStream in = FixtureModels.class.getResourceAsStream("/mean_shape_68.txt")) {
            if (in == null) throw new IllegalStateException("test resource mean_shape_68.txt missing");
            float[] xy = new float[136];
            int i = 0;
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.trim().split("\\s+");
                xy[i++] = Float.parseFloat(p[0]);
                xy[i++] = Float.parseFloat(p[1]);
            }
            if (i != 136) throw new IllegalStateException("mean shape has " + i / 2 + " points");
            return xy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regressor with a dynamic batch; {@code graphSize} may differ from the contract's to make a broken model. */
    public static Path regressor(Path file, ModelContract c, int graphSize, boolean withMetadata, long batch) {
        float[] base = meanShapeInInput(c);
        OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("fixture_regressor");
        g.addInput(value(ModelContract.INPUT_NAME, batch, c.channels(), graphSize, graphSize));
        g.addOutput(value(ModelContract.LANDMARKS_NAME, batch, c.points(), 2));
        g.addInitializer(tensor("base", base, 1, c.points(), 2));
        g.addInitializer(tensor("k", new float[] {K}, 1));
        g.addInitializer(longs("shape3", -1, 1, 1));
        g.addNode(node("ReduceMean", new String[] {ModelContract.INPUT_NAME}, "m")
                .addAttribute(ints("axes", 1, 2, 3)).addAttribute(intAttr("keepdims", 1)));
        g.addNode(node("Reshape", new String[] {"m", "shape3"}, "m3"));
        g.addNode(node("Mul", new String[] {"m3", "k"}, "off"));
        g.addNode(node("Add", new String[] {"off", "base"}, ModelContract.LANDMARKS_NAME));
        return write(file, g, withMetadata ? c : null);
    }

    /** A copy of the model {@code src} at {@code out} with one more metadata entry (e.g. a shipped model's flip-test default). */
    public static Path withMetadata(Path src, Path out, String key, String value) {
        try {
            OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(src));
            Files.write(out, m.toBuilder().addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value))
                    .build().toByteArray());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path regressor(Path file, ModelContract c) {
        return regressor(file, c, c.inputWidth(), true, -1);
    }

    /** Heatmap model: conv (stride = input/heat) -> softmax per map -> soft-argmax in input pixels. */
    public static Path heatmap(Path file, ModelContract c) {
        int in = c.inputWidth(), hw = c.heatmapWidth(), stride = in / hw, p = c.points(), ch = c.channels();
        Random rnd = new Random(7);
        float[] w = new float[p * ch * stride * stride];
        for (int i = 0; i < w.length; i++) w[i] = (float) rnd.nextGaussian();
        float[] grid = new float[hw * hw * 2];
        for (int y = 0; y < hw; y++) {
            for (int x = 0; x < hw; x++) {
                grid[2 * (y * hw + x)] = (x + 0.5f) * in / hw - 0.5f;
                grid[2 * (y * hw + x) + 1] = (y + 0.5f) * in / hw - 0.5f;
            }
        }
        OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("fixture_heatmap");
        g.addInput(value(ModelContract.INPUT_NAME, -1, ch, in, in));
        g.addOutput(value(ModelContract.LANDMARKS_NAME, -1, p, 2));
        g.addOutput(value(ModelContract.HEATMAPS_NAME, -1, p, hw, hw));
        g.addInitializer(tensor("w", w, p, ch, stride, stride));
        g.addInitializer(tensor("grid", grid, hw * hw, 2));
        g.addInitializer(longs("flat", -1, p, (long) hw * hw));
        g.addInitializer(longs("maps", -1, p, hw, hw));
        g.addNode(node("Conv", new String[] {ModelContract.INPUT_NAME, "w"}, "logits")
                .addAttribute(ints("strides", stride, stride)).addAttribute(ints("kernel_shape", stride, stride)));
        g.addNode(node("Reshape", new String[] {"logits", "flat"}, "lf"));
        g.addNode(node("Softmax", new String[] {"lf"}, "prob").addAttribute(intAttr("axis", -1)));
        g.addNode(node("Reshape", new String[] {"prob", "maps"}, ModelContract.HEATMAPS_NAME));
        g.addNode(node("MatMul", new String[] {"prob", "grid"}, ModelContract.LANDMARKS_NAME));
        return write(file, g, c);
    }

    static Path write(Path file, OnnxMl.GraphProto.Builder g, ModelContract c) {
        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.newBuilder().setIrVersion(8)
                .setProducerName("facemark-tests").setGraph(g)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13));
        if (c != null) {
            for (var e : c.toMetadata().entrySet()) {
                m.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, m.build().toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static OnnxMl.NodeProto.Builder node(String op, String[] in, String out) {
        return OnnxMl.NodeProto.newBuilder().setOpType(op).setName(out + "_" + op).addAllInput(Arrays.asList(in)).addOutput(out);
    }

    static OnnxMl.AttributeProto ints(String name, long... v) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long x : v) a.addInts(x);
        return a.build();
    }

    static OnnxMl.AttributeProto intAttr(String name, long v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT).setI(v).build();
    }

    static OnnxMl.TensorProto tensor(String name, float[] data, long... dims) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims) t.addDims(d);
        for (float f : data) t.addFloatData(f);
        return t.build();
    }

    static OnnxMl.TensorProto longs(String name, long... data) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber()).addDims(data.length);
        for (long v : data) t.addInt64Data(v);
        return t.build();
    }

    /** A float tensor value; a negative dimension becomes the symbolic batch "N". */
    static OnnxMl.ValueInfoProto value(String name, long... dims) {
        OnnxMl.TensorShapeProto.Builder s = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            s.addDim(d < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(s))).build();
    }
}
