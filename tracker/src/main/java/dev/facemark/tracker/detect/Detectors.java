package dev.facemark.tracker.detect;

import java.nio.file.Path;

/** Parses {@code --detector}: "haar" or "yunet:PATH". */
public final class Detectors {
    private Detectors() {}

    public static FaceDetector open(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("haar")) return new HaarDetector();
        if (spec.startsWith("yunet:")) return new YuNetDetector(Path.of(spec.substring("yunet:".length())));
        if (spec.equals("yunet")) {
            throw new IllegalArgumentException("--detector yunet needs the model file: --detector yunet:PATH/TO/yunet_n_320_320.onnx");
        }
        throw new IllegalArgumentException("unknown detector '" + spec + "': use haar or yunet:PATH");
    }
}
