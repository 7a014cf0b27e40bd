package dev.facemark.tracker.output;

import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.opencv.opencv_core.Mat;

/** Takes each annotated frame: a video file, image files, a window. */
public interface FrameSink extends AutoCloseable {
    void accept(Mat annotatedBgr, FrameResult result);

    @Override void close();
}
