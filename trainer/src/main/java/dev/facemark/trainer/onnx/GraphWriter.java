package dev.facemark.trainer.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Appends nodes and constant tensors to an ONNX graph with unique names. Uses the protobuf classes generated
 * from onnx.proto that ship in {@code org.tribuo:tribuo-util-onnx} ({@code ai.onnx.proto.OnnxMl}), so the build
 * needs no protoc and no Python.
 */
final class GraphWriter {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int counter;

    GraphWriter(String name) { graph.setName(name); }

    GraphProto build() { return graph.build(); }

    /** A fresh tensor name with a readable prefix. */
    String fresh(String prefix) { return prefix + "_" + (counter++); }

    /** Adds a node with one output named {@code output} (or a fresh name when null); returns the output name. */
    String node(String op, List<String> inputs, String output, AttributeProto... attrs) {
        String out = output != null ? output : fresh(op);
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(out + "_node").addAllInput(inputs).addOutput(out);
        for (AttributeProto a : attrs) n.addAttribute(a);
        graph.addNode(n);
        return out;
    }

    /** A float32 initializer (raw little-endian data). */
    String floats(String prefix, float[] data, long... dims) {
        long n = 1;
        for (long d : dims) n *= d;
        if (n != data.length) throw new IllegalArgumentException(prefix + ": " + data.length + " values for dims " + java.util.Arrays.toString(dims));
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        String name = fresh(prefix);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) t.addDims(d);
        graph.addInitializer(t);
        return name;
    }

    /** An int64 initializer, e.g. a Reshape target. */
    String longs(String prefix, long... data) {
        ByteBuffer b = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(data);
        String name = fresh(prefix);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(data.length).setRawData(ByteString.copyFrom(b.array())));
        return name;
    }

    /** A float32 scalar initializer (Clip bounds). */
    String scalar(String prefix, float v) {
        ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v);
        String name = fresh(prefix);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array())));
        return name;
    }

    void input(String name, Object... dims) { graph.addInput(valueInfo(name, dims)); }

    void output(String name, Object... dims) { graph.addOutput(valueInfo(name, dims)); }

    /** A float tensor value info; a String dim is symbolic (the batch "N"), a Number is fixed. */
    private static ValueInfoProto valueInfo(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) dim.setDimParam(s);
            else dim.setDimValue(((Number) d).longValue());
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long x : v) a.addInts(x);
        return a.build();
    }

    static AttributeProto integer(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static AttributeProto real(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    static AttributeProto string(String name, String v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(v)).build();
    }
}
