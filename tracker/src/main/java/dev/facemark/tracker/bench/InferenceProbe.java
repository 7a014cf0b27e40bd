package dev.facemark.tracker.bench;

import dev.facemark.core.detect.Detection;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.runtime.Device;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.Predictions;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.source.FrameSource;
import dev.facemark.tracker.source.SourceFrame;
import dev.facemark.tracker.source.Sources;
import org.HdrHistogram.Histogram;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.util.List;

/**
 * Landmark inference per face on one ONNX Runtime thread, batch 1: the number to compare models by,
 * free of decoding, detection and the rest of the pipeline. The face is the first one the detector
 * finds in the input's first frames (the frame's centre when there is none), cropped as the contract says.
 */
public final class InferenceProbe {
    private InferenceProbe() {}

    /**
     * Per-face timings, ms: inference (inside ONNX Runtime, wall) and crop+normalise (into the input tensor),
     * and the calling thread's CPU time for the whole predict call. With one intra-op thread ONNX Runtime
     * computes on the caller, so {@code threadCpu} is the cost without a loaded machine's waits.
     */
    public record Result(String model, int runs, LatencyStats inference, LatencyStats crop, LatencyStats threadCpu) {}

    public static Result measure(Path modelFile, Path input, String detectorSpec, Device device, int warmup, int runs) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1");
        Histogram inf = new Histogram(60_000_000L, 3), crop = new Histogram(60_000_000L, 3), cpu = new Histogram(60_000_000L, 3);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (LandmarkModel model = LandmarkModel.open(modelFile, new RuntimeOptions(1, device));
             FrameSource src = Sources.open(input.toString(), 0, 0, 0);
             FaceDetector detector = Detectors.open(detectorSpec)) {
            SourceFrame f = src.next();
            if (f == null) throw new IllegalArgumentException(input + " has no frames");
            Mat frame = f.bgr().clone(); // the source reuses its Mat
            try {
                CropTransform[] crops = {model.cropFor(faceBox(frame, detector, model), 0f)};
                for (int i = -warmup; i < runs; i++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    Predictions p = model.predict(frame, crops, 1);
                    long c1 = threads.getCurrentThreadCpuTime();
                    if (i < 0) continue;
                    if (c0 >= 0 && c1 >= c0) cpu.recordValue((c1 - c0) / 1000);
                    inf.recordValue(Math.max(0, p.inferenceNanos() / 1000));
                    crop.recordValue(Math.max(0, p.cropNanos() / 1000));
                }
            } finally {
                frame.close();
            }
        }
        return new Result(modelFile.getFileName().toString(), runs, LatencyStats.ofMicros(inf), LatencyStats.ofMicros(crop), LatencyStats.ofMicros(cpu));
    }

    private static FaceBox faceBox(Mat frame, FaceDetector detector, LandmarkModel model) {
        List<Detection> found = detector.detect(frame);
        if (!found.isEmpty()) return model.contract().calibration(detector.name()).toLandmarkBox(found.get(0).box());
        float side = 0.5f * Math.min(frame.cols(), frame.rows());
        return FaceBox.ofCentre(frame.cols() / 2f, frame.rows() / 2f, side, side);
    }
}
