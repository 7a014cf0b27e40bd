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
 * delivering mid-stream is reported as gone, not as a normal end.
 */
public final class CameraSource implements FrameSource {
    private final String device;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private long firstNs;
    private long index;

    /**
     * @param device a device index ("0" -> /dev/video0) or path
     * @param width  requested width, 0 for the camera's default (likewise height and fps)
     */
    public CameraSource(String device, int width, int height, double fps) {
        this.device = devicePath(device);
        if (!Files.exists(Path.of(this.device))) {
            throw new SourceException("no camera at " + this.device + " (" + CameraList.describe()
                    + "); pass --input VIDEO_FILE, or run 'tracker live' without a camera for the demo");
        }
        FfmpegLog.quiet();
        grabber = new FFmpegFrameGrabber(this.device);
        grabber.setFormat("video4linux2");
        if (width > 0 && height > 0) {
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
        }
        if (fps > 0) grabber.setFrameRate(fps);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            try { grabber.release(); } catch (Exception ignored) { /* already failing */ }
            throw new SourceException("cannot open camera " + this.device + " (" + VideoFileSource.reason(e)
                    + "): is it in use by another program, or not a capture device?");
        }
    }

    static String devicePath(String device) {
        return device.chars().allMatch(Character::isDigit) ? "/dev/video" + device : device;
    }

    @Override
    public SourceFrame next() {
        Frame f;
        try {
            f = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new SourceException("camera " + device + " stopped delivering frames after " + index
                    + " frames (unplugged?): " + VideoFileSource.reason(e));
        }
        if (f == null || f.image == null) {
            throw new SourceException("camera " + device + " stopped delivering frames after " + index + " frames (unplugged?)");
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
