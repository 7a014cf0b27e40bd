package dev.facemark.tracker.cli;

import dev.facemark.core.detect.Detectors;
import dev.facemark.core.runtime.Device;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.app.UserError;
import picocli.CommandLine.Option;

/** How faces are found and landmarks inferred, shared by the tracking commands and the bench: detector, threads, device. */
public final class InferenceOptions {
    @Option(names = "--detector", paramLabel = "yunet|haar|yunet:PATH", defaultValue = Detectors.DEFAULT,
            description = "face detector: yunet (packaged YuNet, Apache-2.0: finds rolled and turned faces; the default), "
                    + "haar (OpenCV's frontal Haar cascade) or yunet:PATH/TO/yunet.onnx (default: ${DEFAULT-VALUE})")
    String detector;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "ONNX Runtime intra-op threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "inference device; cuda falls back to cpu with a message when unavailable (default: ${DEFAULT-VALUE})")
    String device;

    public String detector() { return detector; }
    public int threads() { return threads; }

    /** The parsed device; a bad name is a {@link UserError} naming the option. */
    public Device device() {
        try {
            return Device.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserError("--device: " + e.getMessage());
        }
    }

    /** The ONNX Runtime options; bad values are {@link UserError}s naming the option. */
    public RuntimeOptions runtime() {
        Device d = device();
        try {
            return new RuntimeOptions(threads, d);
        } catch (IllegalArgumentException e) {
            throw new UserError("--threads: " + e.getMessage());
        }
    }
}
