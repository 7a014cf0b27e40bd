package dev.facemark.tracker.detect;

import dev.facemark.core.detect.YuNetFace;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.util.List;

/**
 * The tracker's "yunet" {@link FaceDetector}: core's {@link dev.facemark.core.detect.YuNetDetector},
 * the same detector (model, downscale, thresholds) the trainer fits the "yunet" calibration with,
 * so the contract's calibration matches the boxes seen here. The model file is the user's
 * ({@code --detector yunet:PATH}).
 */
public final class YuNetDetector implements FaceDetector {
    private final dev.facemark.core.detect.YuNetDetector yn;

    public YuNetDetector(Path model, float scoreThreshold, int maxSide) {
        try {
            yn = new dev.facemark.core.detect.YuNetDetector(model, scoreThreshold, maxSide);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; pass --detector yunet:PATH/TO/"
                    + dev.facemark.core.detect.YuNetDetector.MODEL_FILE, e);
        }
    }

    public YuNetDetector(Path model) {
        this(model, dev.facemark.core.detect.YuNetDetector.SCORE_THRESHOLD, dev.facemark.core.detect.YuNetDetector.MAX_SIDE);
    }

    @Override public String name() { return "yunet"; }

    @Override public void prepare(Mat bgr) { yn.prepare(bgr); }

    @Override
    public void detect(List<Detection> out) {
        out.clear();
        for (YuNetFace f : yn.detect()) out.add(new Detection(f.box(), f.score()));
    }

    @Override public void close() { yn.close(); }
}
