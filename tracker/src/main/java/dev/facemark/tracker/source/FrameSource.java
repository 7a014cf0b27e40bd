package dev.facemark.tracker.source;

/**
 * Where frames come from: a camera, a video file, a network stream, one image, a folder of images,
 * or the built-in demo. Like JavaCV's FrameGrabber, but one shape for all of them and BGR OpenCV
 * Mats out. {@link ReconnectingSource} wraps a live one to reopen it after a loss.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * The next frame, or null at the end. The frame's Mat is reused by the next call.
     *
     * @throws SourceException when the source fails (video truncated or corrupt), a
     *         {@link SourceLostException} when a live one stops (camera unplugged, stream gone)
     */
    SourceFrame next();

    /** What this is, for messages: a file path, "/dev/video0", "demo". */
    String name();

    /** Frames per second when known (0 otherwise). */
    double fps();

    /** Total frames when known (video files, images), else -1. */
    long frameCount();

    /** True for cameras, live streams and the demo: frames arrive in real time and never end by themselves. */
    boolean live();

    /** The frames' height when known before the first frame (video files, streams), else 0. */
    default int height() { return 0; }

    @Override void close();
}
