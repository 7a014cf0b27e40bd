package dev.facemark.core.detect;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * THE face detector seam, for the tracker (first frames, lost faces), the trainer's calibration,
 * detector-box training crops and detector-box evaluation. Two steps so a pipeline can time them
 * apart (and run the second on another thread): {@link #prepare} (downscale and colour conversion)
 * and {@link #detect()} (the detector itself). Boxes come back in the source frame's pixels, in the
 * detector's own box convention: map them through the model contract's {@code calibration(name())}
 * before using them as landmark boxes. Open one with {@link Detectors}.
 *
 * <p>Holds native memory, so close it. Not thread-safe: one per thread, or one thread at a time.
 */
public interface FaceDetector extends AutoCloseable {

    /** "haar" or "yunet": the key of this detector's {@code DetectorCalibration} in a model contract. */
    String name();

    /** The detector and its parameters, for provenance (e.g. next to a fitted calibration). */
    String parameters();

    /** Downscales and converts a BGR (or grey) frame into the detector's scratch image. */
    void prepare(Mat bgr);

    /** Faces on the prepared image, in source pixels, best first. */
    List<Detection> detect();

    /** {@link #prepare} then {@link #detect()}. */
    default List<Detection> detect(Mat bgr) {
        prepare(bgr);
        return detect();
    }

    @Override void close();
}
