package dev.facemark.tracker.render;

import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.ByteBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * One video frame as the renderer takes it: BGR (OpenCV's 8UC3 layout) or planar YUV 4:2:0 as
 * decoders give it. Buffers are read during {@link Renderer#render} only, never kept.
 *
 * @param strides bytes per row of each plane
 */
public record VideoImage(Format format, int width, int height, ByteBuffer[] planes, int[] strides) {

    public enum Format { BGR, I420, NV12 }

    public VideoImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        int n = switch (format) { case BGR -> 1; case I420 -> 3; case NV12 -> 2; };
        if (planes.length != n || strides.length != n) throw new IllegalArgumentException(format + " needs " + n + " planes");
    }

    public static VideoImage bgr(ByteBuffer data, int width, int height, int stride) {
        return new VideoImage(Format.BGR, width, height, new ByteBuffer[] {data}, new int[] {stride});
    }

    public static VideoImage bgr(ByteBuffer data, int width, int height) { return bgr(data, width, height, width * 3); }

    /** Wraps an 8UC3 BGR Mat without copying (the Mat must stay alive until render returns). */
    public static VideoImage ofMat(Mat bgr) {
        if (bgr.type() != CV_8UC3) throw new IllegalArgumentException("need an 8UC3 BGR Mat, got type " + bgr.type());
        long bytes = bgr.step() * (long) bgr.rows();
        ByteBuffer buf = bgr.data().capacity(bytes).asBuffer();
        return bgr(buf, bgr.cols(), bgr.rows(), (int) bgr.step());
    }

    public static VideoImage i420(ByteBuffer y, ByteBuffer u, ByteBuffer v, int width, int height,
                                  int yStride, int uvStride) {
        return new VideoImage(Format.I420, width, height, new ByteBuffer[] {y, u, v}, new int[] {yStride, uvStride, uvStride});
    }

    public static VideoImage nv12(ByteBuffer y, ByteBuffer uv, int width, int height, int yStride, int uvStride) {
        return new VideoImage(Format.NV12, width, height, new ByteBuffer[] {y, uv}, new int[] {yStride, uvStride});
    }

    int chromaWidth() { return (width + 1) / 2; }
    int chromaHeight() { return (height + 1) / 2; }
}
