package dev.facemark.tracker.source;

/**
 * Where frames come from: a camera, a video file, one image, a folder of images, or the built-in
 * demo. Like JavaCV's FrameGrabber, but one shape for all of them and BGR OpenCV Mats out.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * The next frame, or null at the end. The frame's Mat is reused by the next call.
     *
     * @throws SourceException when the source fails (camera unplugged, video truncated or corrupt)
     */
    SourceFrame next();

    /** What this is, for messages: a file path, "/dev/video0", "demo". */
    String name();

    /** Frames per second when known (0 otherwise). */
    double fps();

    /** Total frames when known (video files, images), else -1. */
    long frameCount();

    /** True for cameras and the demo: frames arrive in real time and never end by themselves. */
    boolean live();

    @Override void close();
}
