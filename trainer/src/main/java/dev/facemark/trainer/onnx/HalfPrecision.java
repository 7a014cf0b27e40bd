package dev.facemark.trainer.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stores a model's float32 weights as float16 and casts them back to float32 inside the graph. The file
 * halves; ONNX Runtime folds the casts when it loads the session, so the arithmetic (and the speed) stays
 * float32 and only the weights lose precision. That answers whether the weights survive half precision
 * (ORT's CPU provider has few float16 kernels, so a float16-compute graph would not run faster here).
 */
public final class HalfPrecision {
    private HalfPrecision() {}

    /** Initializers smaller than this stay float32: scalars and tiny vectors save nothing. */
    static final int MIN_ELEMENTS = 16;

    /** What {@link #convert} did. */
    public record Result(int converted, int kept, long bytesBefore, long bytesAfter) {}

    /** Reads {@code in}, writes the float16-weight copy to {@code out}. */
    public static Result convert(Path in, Path out) throws IOException {
        ModelProto model;
        try (InputStream s = Files.newInputStream(in)) {
            model = ModelProto.parseFrom(s);
        }
        GraphProto g = model.getGraph();
        GraphProto.Builder ng = g.toBuilder().clearInitializer().clearNode();
        int converted = 0, kept = 0;
        for (TensorProto t : g.getInitializerList()) {
            float[] v = t.getDataType() == TensorProto.DataType.FLOAT_VALUE ? floats(t) : null;
            if (v == null || v.length < MIN_ELEMENTS) {
                ng.addInitializer(t);
                kept++;
                continue;
            }
            String half = t.getName() + "_fp16";
            ng.addInitializer(t.toBuilder().clearFloatData().clearRawData().setName(half)
                    .setDataType(TensorProto.DataType.FLOAT16_VALUE).setRawData(halves(v)));
            // The cast keeps the original name, so every consumer is untouched.
            ng.addNode(NodeProto.newBuilder().setOpType("Cast").setName(t.getName() + "_cast").addInput(half)
                    .addOutput(t.getName()).addAttribute(AttributeProto.newBuilder().setName("to")
                            .setType(AttributeProto.AttributeType.INT).setI(TensorProto.DataType.FLOAT_VALUE)));
            converted++;
        }
        ng.addAllNode(g.getNodeList());
        ModelProto.Builder nm = model.toBuilder().setGraph(ng);
        nm.addMetadataProps(StringStringEntryProto.newBuilder().setKey("facemark.provenance.weights")
                .setValue("float16 (" + converted + " tensors), cast to float32 in the graph"));
        try (OutputStream s = Files.newOutputStream(out)) {
            nm.build().writeTo(s);
        }
        return new Result(converted, kept, Files.size(in), Files.size(out));
    }

    private static float[] floats(TensorProto t) {
        if (!t.getRawData().isEmpty()) {
            FloatBuffer fb = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] v = new float[fb.remaining()];
            fb.get(v);
            return v;
        }
        float[] v = new float[t.getFloatDataCount()];
        for (int i = 0; i < v.length; i++) v[i] = t.getFloatData(i);
        return v;
    }

    private static ByteString halves(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putShort(toHalf(f));
        return ByteString.copyFrom(b.array());
    }

    /** IEEE 754 binary16 bits of {@code f}, rounded to nearest, ties to even (Java 17 has no Float.floatToFloat16). */
    static short toHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7FFFFF;
        if (exp == 0xFF) return (short) (sign | 0x7C00 | (mant != 0 ? 0x200 : 0)); // Inf, NaN (quiet)
        int e = exp - 127 + 15;
        if (e >= 0x1F) return (short) (sign | 0x7C00); // overflow: Inf
        if (e <= 0) { // subnormal half, or zero
            if (e < -10) return (short) sign;
            int m = mant | 0x800000; // implicit leading one
            int shift = 14 - e;
            int half = m >> shift;
            int rest = m & ((1 << shift) - 1), mid = 1 << (shift - 1);
            if (rest > mid || (rest == mid && (half & 1) != 0)) half++;
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >> 13);
        int rest = mant & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) half++; // may carry into the exponent: still right
        return (short) (sign | half);
    }

    /** The float value of binary16 bits (for tests and checks). */
    static float toFloat(short h) {
        int s = (h & 0x8000) << 16, e = (h >>> 10) & 0x1F, m = h & 0x3FF;
        if (e == 0x1F) return Float.intBitsToFloat(s | 0x7F800000 | (m << 13));
        if (e == 0) {
            float v = m * 0x1p-24f;
            return s != 0 ? -v : v;
        }
        return Float.intBitsToFloat(s | ((e - 15 + 127) << 23) | (m << 13));
    }
}
