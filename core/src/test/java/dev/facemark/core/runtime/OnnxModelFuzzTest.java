package dev.facemark.core.runtime;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.facemark.core.FuzzSupport;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.model.ContractException;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * ONNX files given as {@code --model}: a model that opens must predict (a batch of one face and
 * one of three, with the model's own crops); one that is broken (bytes that are not ONNX, a graph
 * whose names, element types or shapes disagree with its contract, a graph that is not a landmark
 * model) must be refused by {@link LandmarkModel#open} with a clean {@link ContractException}
 * naming the file, never fail later in {@code predict} or with another exception.
 */
class OnnxModelFuzzTest {
    static final String NAME = "fuzzed-model.onnx";

    /** Raw bytes; the seeds are valid models ({@link FuzzModels#main}). */
    @FuzzTest
    void onnxBytes(byte[] data) {
        openAndPredict(data);
    }

    /** Models built from fuzzed contracts, declared shapes and real shapes ({@link FuzzModels#fuzzed}). */
    @FuzzTest
    void graphShapes(FuzzedDataProvider data) {
        openAndPredict(FuzzModels.fuzzed(data));
    }

    static void openAndPredict(byte[] onnx) {
        LandmarkModel model;
        try {
            model = LandmarkModel.open(onnx, NAME, RuntimeOptions.cpu(1));
        } catch (ContractException e) {
            FuzzSupport.assertCleanMessage(e.getMessage(), NAME);
            return;
        }
        try (model; Mat image = new Mat(48, 64, CV_8UC3, new Scalar(60, 120, 180, 0))) {
            int p = model.contract().points();
            CropTransform crop = model.cropFor(new FaceBox(10, 8, 30, 32), 0.1f);
            Predictions one = model.predict(image, new CropTransform[] {crop}, 1);
            if (one.count() != 1 || one.landmarks(0).length != 2 * p) throw new AssertionError("one face: " + one.count() + " answers");
            Predictions three = model.predict(image, new CropTransform[] {crop, crop, crop}, 3);
            if (three.count() != 3 || three.landmarks(2).length != 2 * p) throw new AssertionError("three faces: " + three.count() + " answers");
        }
    }
}
