package dev.facemark.tracker.detect;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * Finds faces in a frame. Two steps so the pipeline can time them apart: {@link #prepare}
 * (downscale and colour conversion) and {@link #detect} (the detector itself). Boxes come back in
 * the source frame's pixels, in the detector's own box convention: run them through the model
 * contract's {@code calibration(name())} before using them as landmark boxes.
 */
public interface FaceDetector extends AutoCloseable {

    /** "haar" or "yunet": the key of this detector's calibration in the model contract. */
    String name();

    /** Downscales and converts the BGR frame into the detector's scratch image. */
    void prepare(Mat bgr);

    /** Detects on the prepared image; clears {@code out} and adds the faces, best first. */
    void detect(List<Detection> out);

    @Override void close();
}
