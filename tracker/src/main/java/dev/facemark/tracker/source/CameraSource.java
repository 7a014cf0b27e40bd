package dev.facemark.tracker.source;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Linux webcam through FFmpeg's video4linux2 input. FFmpeg fails in milliseconds when there is no
 * device (OpenCV's grabber probes backends for seconds, so it is not used). A camera that stops
 * delivering mid-stream is reported as lost ({@link SourceLostException}), not as a normal end.
 */
public final class CameraSource implements FrameSource {
    private final String device;
    private final FrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private long firstNs;
    private long index;

    /**
     * @param device a device index ("0" -> /dev/video0) or path
     * @param width  requested width, 0 for the camera's default (likewise height and fps)
     */
    public CameraSource(String device, int width, int height, double fps) {
        this(devicePath(device), v4l2(devicePath(device), width, height, fps));
    }

    /** A camera read through the given grabber, started here (tests hand in a grabber double). */
    CameraSource(String device, FrameGrabber grabber) {
        this.device = device;
        this.grabber = grabber;
        FfmpegLog.quiet();
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            try { grabber.release(); } catch (Exception ignored) { /* already failing */ }
            String why = FfmpegErrors.code(e) == -16 ? "it is in use by another program" : "is it in use by another program, or not a capture device?";
            throw new SourceException("cannot open camera " + device + ": " + why, "cannot open the camera");
        }
    }

    private static FrameGrabber v4l2(String device, int width, int height, double fps) {
        if (!Files.exists(Path.of(device))) {
            throw new SourceException("no camera at " + device + " (" + CameraList.describe()
                    + "); pass --input VIDEO_FILE, or run 'tracker live' without a camera for the demo", "no camera at " + device);
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(device);
        g.setFormat("video4linux2");
        if (width > 0 && height > 0) {
            g.setImageWidth(width);
            g.setImageHeight(height);
        }
        if (fps > 0) g.setFrameRate(fps);
        return g;
    }

    static String devicePath(String device) {
        return device.chars().allMatch(Character::isDigit) ? "/dev/video" + device : device;
    }

    @Override
    public SourceFrame next() {
        Frame f;
        try {
            f = grabber instanceof FFmpegFrameGrabber g ? g.grabImage() : grabber.grab();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            f = null;
        }
        if (f == null || f.image == null) {
            String why = "stopped delivering frames (unplugged?)";
            throw new SourceLostException("camera " + device + " " + why + " after " + index + " frames", why, index, 0);
        }
        long now = System.nanoTime();
        if (index == 0) firstNs = now;
        return new SourceFrame(index++, (now - firstNs) / 1e6, converter.convert(f), null);
    }

    @Override public String name() { return device; }
    @Override public double fps() { return grabber.getFrameRate(); }
    @Override public long frameCount() { return -1; }
    @Override public boolean live() { return true; }

    @Override
    public void close() {
        converter.close();
        try { grabber.release(); } catch (Exception ignored) { /* closing anyway */ }
    }
}
