package dev.facemark.trainer.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.trainer.model.Head;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.Layer;
import dev.facemark.trainer.model.LayerBlock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.facemark.trainer.onnx.GraphWriter.integer;
import static dev.facemark.trainer.onnx.GraphWriter.ints;
import static dev.facemark.trainer.onnx.GraphWriter.real;
import static dev.facemark.trainer.onnx.GraphWriter.string;

/**
 * Writes a {@link LandmarkNet} (with its current DJL parameters) as an ONNX opset-17 model with the
 * {@link ModelContract} in {@code metadata_props}.
 *
 * <p>Each block is mapped from the {@link Layer} record its {@link LayerBlock} was built from, never guessed
 * from DJL internals: Conv, BatchNormalization (inference form, running statistics), Relu, Clip(0, 6) for
 * ReLU6, LeakyRelu, Add of a constant map for BiasMap, MaxPool, GlobalAveragePool, Flatten, Gemm (transB) for linear layers, Add for residuals,
 * Concat, DepthToSpace mode CRD (= the DJL block's pixel-shuffle order). Heads: Reshape, Mul, Add for the
 * regression affine; Reshape, Softmax over each flattened map, MatMul with a constant [h*w, 2] grid of pixel
 * centres for the soft-argmax. A block that is not a LayerBlock fails the export with its name and path.
 *
 * <p>Tensors: input {@code input} [N, C, H, W], outputs {@code landmarks} [N, P, 2] and, for heatmap models,
 * {@code heatmaps} [N, P, h, w]; N is symbolic (dynamic batch).
 */
public final class OnnxExporter {
    public static final int OPSET = 17;
    /** ONNX IR version 8 goes with opset 17. */
    public static final int IR_VERSION = 8;
    public static final String PRODUCER = "facemark-trainer";

    private OnnxExporter() {}

    /** Exports to {@code out} (parent folders are created). */
    public static void export(LandmarkNet net, ModelContract contract, Path out) throws IOException {
        byte[] bytes = toModel(net, contract).toByteArray();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(out, bytes);
    }

    /** The ONNX model in memory. */
    public static ModelProto toModel(LandmarkNet net, ModelContract contract) {
        checkContract(net, contract);
        GraphWriter g = new GraphWriter(net.architecture());
        int c = net.spec().channels(), h = net.spec().height(), w = net.spec().width(), p = net.points();
        g.input(ModelContract.INPUT_NAME, "N", c, h, w);
        String body = emit(g, net.body(), ModelContract.INPUT_NAME, "body");
        Head head = net.head();
        if (head instanceof Head.Coordinates hc) {
            String xy = g.node("Reshape", List.of(body, g.longs("shape", -1, p, 2)), null);
            String scaled = g.node("Mul", List.of(xy, g.floats("scale", new float[] {hc.scaleX(), hc.scaleY()}, 2)), null);
            g.node("Add", List.of(scaled, g.floats("offset", new float[] {hc.offsetX(), hc.offsetY()}, 2)), ModelContract.LANDMARKS_NAME);
            g.output(ModelContract.LANDMARKS_NAME, "N", p, 2);
        } else {
            Head.Heatmaps hh = (Head.Heatmaps) head;
            long n = (long) hh.width() * hh.height();
            String flat = g.node("Reshape", List.of(body, g.longs("shape", -1, p, n)), null);
            String prob = g.node("Softmax", List.of(flat), null, integer("axis", -1));
            g.node("MatMul", List.of(prob, g.floats("grid", hh.grid(), n, 2)), ModelContract.LANDMARKS_NAME);
            g.node("Reshape", List.of(prob, g.longs("shape", -1, p, hh.height(), hh.width())), ModelContract.HEATMAPS_NAME);
            g.output(ModelContract.LANDMARKS_NAME, "N", p, 2);
            g.output(ModelContract.HEATMAPS_NAME, "N", p, hh.height(), hh.width());
        }
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(contract.provenance().getOrDefault("trainer_version", "dev"))
                .setDocString(contract.name() + ": " + net)
                .setGraph(g.build());
        for (var e : contract.toMetadata().entrySet()) {
            m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return m.build();
    }

    /** The contract must describe this network; a mismatch names the field. */
    static void checkContract(LandmarkNet net, ModelContract k) {
        check(k.inputWidth() == net.spec().width(), "input width", k.inputWidth(), net.spec().width());
        check(k.inputHeight() == net.spec().height(), "input height", k.inputHeight(), net.spec().height());
        check(k.channels() == net.spec().channels(), "input channels", k.channels(), net.spec().channels());
        check(k.points() == net.points(), "points", k.points(), net.points());
        check(k.outputKind() == net.outputKind(), "output kind", k.outputKind(), net.outputKind());
        if (net.outputKind() == OutputKind.HEATMAPS) {
            check(k.heatmapWidth() == net.heatmapWidth(), "heatmap width", k.heatmapWidth(), net.heatmapWidth());
            check(k.heatmapHeight() == net.heatmapHeight(), "heatmap height", k.heatmapHeight(), net.heatmapHeight());
        }
    }

    private static void check(boolean ok, String what, Object contract, Object net) {
        if (!ok) throw new IllegalArgumentException("contract " + what + " is " + contract + " but the network's is " + net);
    }

    /** Emits the nodes of one block applied to tensor {@code in}; returns the output tensor name. */
    private static String emit(GraphWriter g, Block block, String in, String path) {
        if (!(block instanceof LayerBlock lb)) {
            throw new UnsupportedBlockException("cannot export block '" + block.getClass().getSimpleName() + "' (" + block
                    + ") at " + path + ": only blocks built from dev.facemark.trainer.model.Layer records can be exported");
        }
        Layer layer = lb.layer();
        String at = path + "/" + layer.kind();
        if (layer instanceof Layer.Conv c) {
            String wt = g.floats("conv_w", values(lb, "weight", at), c.out(), c.in() / c.groups(), c.kernel(), c.kernel());
            List<String> inputs = c.bias() ? List.of(in, wt, g.floats("conv_b", values(lb, "bias", at), c.out())) : List.of(in, wt);
            return g.node("Conv", inputs, null, ints("kernel_shape", c.kernel(), c.kernel()), ints("strides", c.stride(), c.stride()),
                    ints("pads", c.pad(), c.pad(), c.pad(), c.pad()), ints("dilations", 1, 1), integer("group", c.groups()));
        } else if (layer instanceof Layer.BatchNorm b) {
            return g.node("BatchNormalization", List.of(in,
                    g.floats("bn_gamma", values(lb, "gamma", at), b.channels()), g.floats("bn_beta", values(lb, "beta", at), b.channels()),
                    g.floats("bn_mean", values(lb, "runningMean", at), b.channels()), g.floats("bn_var", values(lb, "runningVar", at), b.channels())),
                    null, real("epsilon", b.epsilon()));
        } else if (layer instanceof Layer.Linear l) {
            return g.node("Gemm", List.of(in, g.floats("fc_w", values(lb, "weight", at), l.out(), l.in()),
                    g.floats("fc_b", values(lb, "bias", at), l.out())), null, integer("transB", 1));
        } else if (layer instanceof Layer.BiasMap b) {
            return g.node("Add", List.of(in, g.floats("bias_map", values(lb, "bias", at), b.channels(), b.height(), b.width())), null);
        } else if (layer instanceof Layer.Relu) {
            return g.node("Relu", List.of(in), null);
        } else if (layer instanceof Layer.Relu6) {
            return g.node("Clip", List.of(in, g.scalar("zero", 0f), g.scalar("six", 6f)), null);
        } else if (layer instanceof Layer.LeakyRelu r) {
            return g.node("LeakyRelu", List.of(in), null, real("alpha", r.alpha()));
        } else if (layer instanceof Layer.Identity) {
            return in;
        } else if (layer instanceof Layer.MaxPool m) {
            return g.node("MaxPool", List.of(in), null, ints("kernel_shape", m.kernel(), m.kernel()),
                    ints("strides", m.stride(), m.stride()), ints("pads", m.pad(), m.pad(), m.pad(), m.pad()));
        } else if (layer instanceof Layer.GlobalAvgPool) {
            return g.node("GlobalAveragePool", List.of(in), null);
        } else if (layer instanceof Layer.Flatten) {
            return g.node("Flatten", List.of(in), null, integer("axis", 1));
        } else if (layer instanceof Layer.DepthToSpace d) {
            return g.node("DepthToSpace", List.of(in), null, integer("blocksize", d.block()), string("mode", "CRD"));
        } else if (layer instanceof Layer.Sequence) {
            String cur = in;
            List<Block> parts = children(lb);
            for (int i = 0; i < parts.size(); i++) cur = emit(g, parts.get(i), cur, at + "[" + i + "]");
            return cur;
        } else if (layer instanceof Layer.Residual) {
            List<Block> parts = children(lb);
            String a = emit(g, parts.get(0), in, at + "/main");
            String b = emit(g, parts.get(1), in, at + "/shortcut");
            return g.node("Add", List.of(a, b), null);
        } else if (layer instanceof Layer.Concat) {
            List<Block> parts = children(lb);
            String[] outs = new String[parts.size()];
            for (int i = 0; i < outs.length; i++) outs[i] = emit(g, parts.get(i), in, at + "[" + i + "]");
            return g.node("Concat", List.of(outs), null, integer("axis", 1));
        }
        throw new UnsupportedBlockException("no ONNX mapping for layer " + layer.kind() + " at " + at);
    }

    private static List<Block> children(LayerBlock lb) { return lb.getChildren().values(); }

    private static float[] values(LayerBlock lb, String name, String at) {
        NDArray a = lb.parameterArray(name);
        if (a == null) throw new IllegalStateException("parameter '" + name + "' of " + at + " is not initialised: initialise or load the model first");
        return a.toFloatArray();
    }
}
