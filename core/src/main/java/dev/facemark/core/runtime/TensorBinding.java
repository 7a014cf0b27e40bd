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
    final FloatBuffer landmarks, heatmaps; // heatmaps: null when the model has none
    final Map<String, OnnxTensor> inputs;
    final Map<String, OnnxValue> outputs = new LinkedHashMap<>();

    /** Tensors for {@code n} faces; the input is a view of the first {@code n} crops of {@code input}. */
    TensorBinding(FloatBuffer input, int n, ModelContract c, boolean withHeatmaps) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int perFace = c.channels() * c.inputWidth() * c.inputHeight();
        FloatBuffer view = input.duplicate();
        view.position(0).limit(n * perFace);
        inputs = Map.of(ModelContract.INPUT_NAME,
                OnnxTensor.createTensor(env, view.slice(), new long[] {n, c.channels(), c.inputHeight(), c.inputWidth()}));
        try {
            landmarks = direct(n * c.points() * 2);
            outputs.put(ModelContract.LANDMARKS_NAME, OnnxTensor.createTensor(env, landmarks, new long[] {n, c.points(), 2}));
            if (withHeatmaps) {
                heatmaps = direct(n * c.points() * c.heatmapWidth() * c.heatmapHeight());
                outputs.put(ModelContract.HEATMAPS_NAME, OnnxTensor.createTensor(env, heatmaps,
                        new long[] {n, c.points(), c.heatmapHeight(), c.heatmapWidth()}));
            } else {
                heatmaps = null;
            }
        } catch (OrtException | RuntimeException e) {
            close(); // what was made so far
            throw e;
        }
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
        outputs.values().forEach(OnnxValue::close);
    }
}
