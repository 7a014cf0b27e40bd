package dev.facemark.tracker.output;

import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * A PNG of the last annotated frame of a run, written when the run ends (headless live view:
 * {@code tracker live --frames N --screenshot out.png}). Keeps a copy of each frame because the
 * source reuses its Mat; a copy of a 640x480 frame is a few hundred microseconds.
 */
public final class ScreenshotSink implements FrameSink {
    private final Path file;
    private final int width;
    private final Mat last = new Mat();
    private boolean any;

    /** Checks the path now, so a bad name fails before any work. */
    public ScreenshotSink(Path file) { this(file, 0); }

    /** @param width scale the PNG to this width, keeping the aspect (0: the frame's own size) */
    public ScreenshotSink(Path file, int width) {
        if (width < 0) throw new OutputException("screenshot width must be > 0, got " + width);
        this.file = check(file);
        this.width = width;
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
            if (width > 0 && width != last.cols()) {
                int h = Math.max(1, Math.round(last.rows() * (float) width / last.cols()));
                try (Size size = new Size(width, h)) {
                    resize(last, last, size, 0, 0, width < last.cols() ? INTER_AREA : INTER_LINEAR);
                }
            }
            boolean ok;
            try {
                // smallest PNG (written once per run, so the slow compression level costs nothing that matters)
                try (IntPointer params = new IntPointer(IMWRITE_PNG_COMPRESSION, 9)) {
                    ok = imwrite(file.toString(), last, params);
                }
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) throw new OutputException("cannot write screenshot " + file);
        } finally {
            last.close();
        }
    }
}
