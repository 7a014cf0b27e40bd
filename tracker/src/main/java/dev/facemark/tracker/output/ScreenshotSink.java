package dev.facemark.tracker.output;

import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * A PNG of the last annotated frame of a run, written when the run ends (headless live view:
 * {@code tracker live --frames N --screenshot out.png}). Keeps a copy of each frame because the
 * source reuses its Mat; a copy of a 640x480 frame is a few hundred microseconds.
 */
public final class ScreenshotSink implements FrameSink {
    private final Path file;
    private final Mat last = new Mat();
    private boolean any;

    /** Checks the path now, so a bad name fails before any work. */
    public ScreenshotSink(Path file) {
        this.file = check(file);
    }

    /** The path if it can take a PNG: a .png name in an existing, writable folder. */
    public static Path check(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new OutputException("screenshot " + file + " must be a .png file");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new OutputException("cannot write screenshot " + file + ": folder " + dir + " does not exist");
        if (!Files.isWritable(dir)) throw new OutputException("cannot write screenshot " + file + ": permission denied");
        return file;
    }

    @Override
    public void accept(Mat bgr, FrameResult result) {
        bgr.copyTo(last);
        any = true;
    }

    public Path path() { return file; }

    /** Whether a frame was written by {@link #close}. */
    public boolean written() { return any; }

    @Override
    public void close() {
        try {
            if (!any) return;
            boolean ok;
            try {
                ok = imwrite(file.toString(), last);
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) throw new OutputException("cannot write screenshot " + file);
        } finally {
            last.close();
        }
    }
}
