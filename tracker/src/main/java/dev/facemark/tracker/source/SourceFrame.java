package dev.facemark.tracker.source;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One frame from a {@link FrameSource}. {@code bgr} is an 8-bit BGR image owned by the source and
 * valid until its next {@link FrameSource#next()} call (it usually wraps the decoder's buffer).
 *
 * @param index  0-based frame number
 * @param timeMs media time, 0 for the first frame
 * @param name   the file the frame came from for image folders, else null
 */
public record SourceFrame(long index, double timeMs, Mat bgr, String name) {
    public int width() { return bgr.cols(); }
    public int height() { return bgr.rows(); }
}
