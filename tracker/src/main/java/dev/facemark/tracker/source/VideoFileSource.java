package dev.facemark.tracker.source;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any video file FFmpeg reads. A file that ends well before the length its header announces is
 * reported as truncated (after its readable frames have been delivered), so that a cut-off
 * recording does not pass as a complete one.
 */
public final class VideoFileSource implements FrameSource {
    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final long expectedFrames;
    private final long durationUs;
    private final double fps;
    private long index;
    private long firstTs = Long.MIN_VALUE;
    private long lastTs;
    private boolean ended;

    public VideoFileSource(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) throw new SourceException("video " + file + " does not exist; check the path");
        FfmpegLog.quiet();
        grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly();
            throw new SourceException("cannot read " + file + " as a video: " + FfmpegErrors.file(FfmpegErrors.code(e)));
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly();
            throw new SourceException(file + " has no video stream (audio only?); give a video file");
        }
        expectedFrames = grabber.getLengthInVideoFrames();
        durationUs = grabber.getLengthInTime();
        fps = grabber.getVideoFrameRate();
    }

    @Override
    public SourceFrame next() {
        if (ended) return null;
        Frame f;
        try {
            f = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            ended = true;
            throw new SourceException("video " + file + " is corrupt at frame " + index + " (" + FfmpegErrors.describe(FfmpegErrors.code(e))
                    + "); re-encode it, or use the frames before with --frames " + index);
        }
        if (f == null || f.image == null) {
            ended = true;
            checkComplete();
            return null;
        }
        long ts = grabber.getTimestamp();
        if (firstTs == Long.MIN_VALUE) firstTs = ts;
        lastTs = ts;
        Mat bgr = converter.convert(f);
        return new SourceFrame(index++, (ts - firstTs) / 1000.0, bgr, null);
    }

    /** Frames stopped well before the announced length: the file was cut off. */
    private void checkComplete() {
        double frameUs = fps > 0 ? 1e6 / fps : 40_000;
        boolean shortCount = expectedFrames > 0 && index < expectedFrames - Math.max(2, expectedFrames / 100);
        boolean shortTime = durationUs > 0 && index > 0 && lastTs < durationUs - 3 * frameUs - Math.max(0, firstTs);
        if (index == 0 || (shortCount && shortTime)) {
            throw new SourceException("video " + file + " ended after " + index + " of " + expectedFrames
                    + " frames: the file is truncated or corrupt; re-encode or re-download it");
        }
    }

    public int width() { return grabber.getImageWidth(); }
    @Override public int height() { return grabber.getImageHeight(); }

    @Override public String name() { return file.toString(); }
    @Override public double fps() { return fps; }
    @Override public long frameCount() { return expectedFrames; }
    @Override public boolean live() { return false; }

    private void closeQuietly() {
        try { grabber.release(); } catch (Exception ignored) { /* already failing */ }
    }

    @Override
    public void close() {
        converter.close();
        closeQuietly();
    }
}
