package dev.facemark.core.detect;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Shrinks a frame so its longer side is at most {@code maxSide}, remembering the factor back to the source. */
public final class Downscale implements AutoCloseable {
    private final int maxSide;
    private final Mat small = new Mat();
    private float toSource = 1f;

    public Downscale(int maxSide) {
        if (maxSide < 1) throw new IllegalArgumentException("downscale side must be positive, got " + maxSide);
        this.maxSide = maxSide;
    }

    /** The (possibly) shrunk image; reused between calls. {@code in} itself when it is small enough. */
    public Mat apply(Mat in) {
        int side = Math.max(in.cols(), in.rows());
        if (side <= maxSide) {
            toSource = 1f;
            return in;
        }
        double f = maxSide / (double) side;
        int w = Math.max(1, (int) Math.round(in.cols() * f)), h = Math.max(1, (int) Math.round(in.rows() * f));
        try (Size size = new Size(w, h)) {
            resize(in, small, size, 0, 0, INTER_AREA);
        }
        toSource = in.cols() / (float) w;
        return small;
    }

    /** Source pixels per small-image pixel. */
    public float toSource() { return toSource; }

    @Override public void close() { small.close(); }
}
