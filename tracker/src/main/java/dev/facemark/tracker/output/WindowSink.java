package dev.facemark.tracker.output;

import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.javacv.CanvasFrame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.awt.GraphicsEnvironment;

/**
 * A plain desktop window (JavaCV's Swing CanvasFrame) showing the annotated frames. Closing the
 * window ends the run: {@link #accept} then throws {@link WindowClosedException}.
 */
public final class WindowSink implements FrameSink {
    private final CanvasFrame canvas;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();

    private WindowSink(CanvasFrame canvas) { this.canvas = canvas; }

    /** True when a desktop display can be used (X11 or Wayland, and not a headless JVM). */
    public static boolean displayAvailable() {
        boolean env = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        return env && !GraphicsEnvironment.isHeadless();
    }

    /** A window, or null when none can be opened. */
    public static WindowSink open(String title) {
        try {
            CanvasFrame c = new CanvasFrame(title, 1.0);
            c.setDefaultCloseOperation(javax.swing.WindowConstants.DISPOSE_ON_CLOSE);
            return new WindowSink(c);
        } catch (RuntimeException | Error e) {
            return null;
        }
    }

    @Override
    public void accept(Mat bgr, FrameResult result) {
        if (!canvas.isDisplayable()) throw new WindowClosedException();
        canvas.showImage(converter.convert(bgr));
    }

    @Override
    public void close() {
        converter.close();
        canvas.dispose();
    }

    /** The user closed the window: a normal end of a live run. */
    public static final class WindowClosedException extends RuntimeException {
        public WindowClosedException() { super("window closed", null, false, false); }
    }
}
