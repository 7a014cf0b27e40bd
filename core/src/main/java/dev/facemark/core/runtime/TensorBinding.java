package dev.facemark.core.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.facemark.core.model.ModelContract;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input view and the pinned outputs of one batch size, all over reused direct memory: ONNX Runtime
 * reads the faces where the cropper wrote them and writes its answers where the decoder reads them.
 */
final class TensorBinding implements AutoCloseable {
    final Map<String, OnnxTensor> inputs;
    final Map<String, OnnxValue> outputs = new LinkedHashMap<>();
    /** The output buffers by name, as the decoder reads them. */
    final Map<String, FloatBuffer> answers = new LinkedHashMap<>();

    /** Tensors for {@code n} faces; the input is a view of the first {@code n} crops of {@code input}. */
    TensorBinding(FloatBuffer input, int n, ModelContract c, OutputDecoder decoder) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int perFace = c.channels() * c.inputWidth() * c.inputHeight();
        FloatBuffer view = input.duplicate();
        view.position(0).limit(n * perFace);
        inputs = Map.of(ModelContract.INPUT_NAME,
                OnnxTensor.createTensor(env, view.slice(), new long[] {n, c.channels(), c.inputHeight(), c.inputWidth()}));
        try {
            for (Map.Entry<String, long[]> o : decoder.outputShapes(n).entrySet()) {
                FloatBuffer b = direct(o.getValue());
                answers.put(o.getKey(), b);
                outputs.put(o.getKey(), OnnxTensor.createTensor(env, b, o.getValue()));
            }
        } catch (OrtException | RuntimeException e) {
            close(); // what was made so far
            throw e;
        }
    }

    /** Shapes come from the contract, whose sizes are bounded (ModelContract.MAX_SIDE, MAX_HEATMAP_VALUES). */
    private static FloatBuffer direct(long[] shape) {
        long floats = 1;
        for (long d : shape) floats *= d;
        return ByteBuffer.allocateDirect(Math.toIntExact(floats * Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
        outputs.values().forEach(OnnxValue::close);
    }
}
