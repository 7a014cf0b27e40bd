package dev.facemark.trainer.onnx;

import ai.djl.ndarray.NDManager;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.TinyNets;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;
import static org.junit.jupiter.api.Assertions.*;

/** OpenCV's DNN module (a second, independent ONNX importer) loads the exported fast model and agrees with ORT. */
class OpenCvDnnTest {
    @TempDir Path dir;

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @ParameterizedTest
    @ValueSource(strings = {"heatmap", "regress"})
    void openCvAgreesWithOnnxRuntime(String head) throws Exception {
        Path file = dir.resolve("fast-" + head + ".onnx");
        LandmarkNet net;
        try (NDManager m = NDManager.newBaseManager()) {
            net = Architectures.create("fast", Architectures.defaults("fast").withOption("head", head));
            m.getEngine().setRandomSeed(5); // the same net in every run (see TinyNets.create)
            net.initialize(m);
            TinyNets.randomise(net, 5);
            OnnxExporter.export(net, TinyNets.contract(net), file);
        }
        int c = 1, h = (int) net.inputShape().get(2), w = (int) net.inputShape().get(3);
        float[] input = new float[c * h * w];
        Random r = new Random(2);
        for (int i = 0; i < input.length; i++) input[i] = (float) r.nextGaussian();
        float[] ort;
        try (OrtRunner o = new OrtRunner(file)) {
            ort = o.run(input, 1, c, h, w).get("landmarks");
        }
        try (Net cv = readNetFromONNX(file.toString());
             Mat blob = new Mat(new int[] {1, c, h, w}, CV_32F);
             MatVector outs = new MatVector();
             StringVector names = new StringVector("landmarks")) {
            assertFalse(cv.empty());
            try (FloatPointer p = new FloatPointer(blob.data())) {
                p.put(input);
            }
            cv.setInput(blob, "input", 1.0, null);
            cv.forward(outs, names);
            Mat lm = outs.get(0);
            assertEquals(ort.length, (int) lm.total());
            float[] got = new float[ort.length];
            try (FloatPointer p = new FloatPointer(lm.data())) {
                p.get(got);
            }
            double maxDiff = 0;
            for (int i = 0; i < got.length; i++) maxDiff = Math.max(maxDiff, Math.abs(got[i] - ort[i]));
            System.out.println(head + ": OpenCV vs ORT max landmark diff " + maxDiff);
            // a second importer with its own kernels: agreement to 1e-3 px (measured: 3e-5 heatmap, 2e-4 regress)
            assertTrue(maxDiff < 1e-3, head + ": OpenCV vs ORT landmark diff " + maxDiff);
        }
    }
}
