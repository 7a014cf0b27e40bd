package dev.facemark.tracker.detect;

import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.detect.HaarFace;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.File;
import java.util.List;

/**
 * The tracker's "haar" {@link FaceDetector}: core's {@link HaarCascadeDetector}, the same detector
 * (cascade, downscale, minimum face, scale step, neighbours) the trainer fits the "haar"
 * calibration and trains on, so the contract's calibration matches the boxes seen here.
 */
public final class HaarDetector implements FaceDetector {
    public static final String CASCADE = HaarCascadeDetector.CASCADE;

    private final HaarCascadeDetector haar;

    public HaarDetector(int maxSide) {
        try {
            haar = new HaarCascadeDetector(maxSide);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; use --detector yunet:PATH", e);
        }
    }

    public HaarDetector() { this(HaarCascadeDetector.MAX_SIDE); }

    /** The cascade XML, extracted from the OpenCV jar into JavaCPP's cache on first use. */
    public static File cascadeFile() { return HaarCascadeDetector.cascadeFile(); }

    @Override public String name() { return "haar"; }

    @Override public void prepare(Mat bgr) { haar.prepare(bgr); }

    @Override
    public void detect(List<Detection> out) {
        out.clear();
        for (HaarFace f : haar.detect()) out.add(new Detection(f.box(), f.score()));
    }

    @Override public void close() { haar.close(); }
}
