package dev.facemark.tracker.output;

import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Draws a frame's tracking result onto the frame itself (8-bit BGR, in place) before it is written
 * to the annotated video. {@link CpuPainter} is the plain OpenCV version; a GPU renderer can plug
 * in behind the same interface.
 */
public interface FramePainter extends AutoCloseable {
    void paint(Mat bgr, FrameResult result);

    @Override default void close() {}
}
