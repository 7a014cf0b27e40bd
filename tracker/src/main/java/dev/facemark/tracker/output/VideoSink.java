package dev.facemark.tracker.output;

import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.opencv.opencv_core.Mat;

/** Annotated frames into a video file. */
public final class VideoSink implements FrameSink {
    private final AnnotatedVideoWriter writer;

    public VideoSink(AnnotatedVideoWriter writer) { this.writer = writer; }

    @Override public void accept(Mat bgr, FrameResult result) { writer.write(bgr); }

    public AnnotatedVideoWriter writer() { return writer; }

    @Override public void close() { writer.close(); }
}
