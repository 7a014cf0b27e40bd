package dev.facemark.trainer.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.Layer;
import dev.facemark.trainer.model.LayerBlock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads the weights of a model this trainer exported back into a network of the same architecture: the
 * warm start ({@code train --init model.onnx}) that lets training continue from a shipped model when its
 * run folder is gone. It walks the layer tree in {@link OnnxExporter}'s order and takes the parameter
 * initializers (convolution, batch-norm with running statistics, linear, bias map) in graph order, so a
 * model from another architecture or width fails with the first mismatch named. A model from another input size
 * loads, its positional prior resampled (progressive resolution).
 */
public final class OnnxWeights {
    /** The initializer prefixes {@link OnnxExporter} gives parameters (head constants have others). */
    private static final Set<String> PARAMETER_PREFIXES =
            Set.of("conv_w", "conv_b", "bn_gamma", "bn_beta", "bn_mean", "bn_var", "fc_w", "fc_b", "bias_map");

    private OnnxWeights() {}

    /** Copies the weights of {@code onnx} into the initialised {@code net}; returns the number of values loaded. */
    public static long load(LandmarkNet net, Path onnx) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(Files.readAllBytes(onnx));
        } catch (IOException e) {
            throw new BadInputException(onnx + ": cannot read it as an ONNX model (" + e.getMessage() + "): give a model exported by this trainer");
        }
        List<TensorProto> weights = new ArrayList<>();
        for (TensorProto t : model.getGraph().getInitializerList()) {
            String name = t.getName();
            int cut = name.lastIndexOf('_');
            if (cut > 0 && PARAMETER_PREFIXES.contains(name.substring(0, cut))) weights.add(t);
        }
        List<Slot> slots = new ArrayList<>();
        collect(net.body(), slots);
        if (slots.size() != weights.size()) {
            throw new BadInputException(onnx + " has " + weights.size() + " parameter tensors, but a " + net.architecture() + " network "
                    + net.config() + " has " + slots.size() + ": give --arch and --arch-option of the model it was trained with");
        }
        long values = 0;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            TensorProto t = weights.get(i);
            NDArray a = s.block().parameterArray(s.parameter());
            if (a == null) throw new IllegalStateException("initialise the network before loading weights into it");
            float[] v = floats(t);
            if (v.length != a.size() && s.block().layer() instanceof Layer.BiasMap b) v = resized(v, t, b);
            if (v.length != a.size()) {
                throw new BadInputException(onnx + ": tensor " + t.getName() + " has " + v.length + " values where the "
                        + net.architecture() + " network's " + s.parameter() + " of layer " + s.block().layer().kind() + " has " + a.size()
                        + ": give --arch and --arch-option of the model it was trained with");
            }
            a.set(v);
            values += v.length;
        }
        return values;
    }

    /** The model file with the provenance it carries (its run and epochs), for logs and the new model's provenance. */
    public static String describe(Path onnx) {
        try {
            java.util.Map<String, String> p = contract(onnx).provenance();
            String run = p.getOrDefault("run", "?"), epochs = p.getOrDefault("epochs", "?"), nme = p.getOrDefault("val_nme_inter_ocular", "?");
            return onnx.getFileName() + " (run " + run + ", " + epochs + " epochs, val NME " + nme + ")";
        } catch (IOException | RuntimeException e) {
            return onnx.getFileName() + " (no facemark contract)";
        }
    }

    /** The facemark contract in the model's ONNX metadata. */
    public static dev.facemark.core.model.ModelContract contract(Path onnx) throws IOException {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(onnx));
        java.util.Map<String, String> meta = new java.util.TreeMap<>();
        m.getMetadataPropsList().forEach(e -> meta.put(e.getKey(), e.getValue()));
        return dev.facemark.core.model.ModelContract.fromMetadata(meta, onnx.toString());
    }

    /**
     * A positional prior trained at another map size (the model was trained at another input size) resampled to
     * this network's: progressive resolution. Other shapes are left for the mismatch error.
     */
    private static float[] resized(float[] v, TensorProto t, Layer.BiasMap b) {
        List<Long> d = t.getDimsList();
        int n = d.size();
        if (n < 3 || d.get(n - 3) != b.channels()) return v;
        return MapResampler.resample(v, b.channels(), d.get(n - 2).intValue(), d.get(n - 1).intValue(), b.height(), b.width());
    }

    private record Slot(LayerBlock block, String parameter) { }

    /** The parameters in the order {@link OnnxExporter#toModel} writes them. */
    private static void collect(Block block, List<Slot> out) {
        if (!(block instanceof LayerBlock lb)) return;
        Layer layer = lb.layer();
        if (layer instanceof Layer.Conv c) {
            out.add(new Slot(lb, "weight"));
            if (c.bias()) out.add(new Slot(lb, "bias"));
        } else if (layer instanceof Layer.BatchNorm) {
            for (String p : new String[] {"gamma", "beta", "runningMean", "runningVar"}) out.add(new Slot(lb, p));
        } else if (layer instanceof Layer.Linear) {
            out.add(new Slot(lb, "weight"));
            out.add(new Slot(lb, "bias"));
        } else if (layer instanceof Layer.BiasMap) {
            out.add(new Slot(lb, "bias"));
        } else {
            for (Block child : lb.getChildren().values()) collect(child, out);
        }
    }

    private static float[] floats(TensorProto t) {
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new BadInputException("tensor " + t.getName() + " is not float32 (a half-precision export?): give the float32 model");
        }
        if (!t.getRawData().isEmpty()) {
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[b.remaining() / 4];
            b.asFloatBuffer().get(v);
            return v;
        }
        float[] v = new float[t.getFloatDataCount()];
        for (int i = 0; i < v.length; i++) v[i] = t.getFloatData(i);
        return v;
    }
}
