package dev.facemark.core.image;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Builds OpenCV's bilinear interpolation tables once, on one thread, before any concurrent warp.
 *
 * <p>Why: {@code warpAffine} fills its fixed-point weight table on first use behind a plain static
 * flag, and the fill writes each weight twice (rounded, then corrected so the weights sum to one).
 * Two threads warping for the first time in a process can therefore sample with half-corrected
 * weights: a few pixels of the first crops of a process (the trainer's two data workers, Spark's task
 * threads) could differ from run to run. Class initialisation is thread-safe, so every warp site
 * calls {@link #ready()} first.
 */
public final class WarpTables {
    static {
        try (Mat matrix = new Mat(2, 3, CV_64F, new Scalar(0)); Mat out = new Mat(); Scalar black = new Scalar(0)) {
            matrix.ptr(0, 0).putDouble(1.0);
            matrix.ptr(1, 1).putDouble(1.0);
            for (int type : new int[] {CV_8UC1, CV_8UC3}) {
                try (Mat in = new Mat(8, 8, type, new Scalar(128, 128, 128, 0)); Size size = new Size(8, 8)) {
                    warpAffine(in, out, matrix, size, INTER_LINEAR, BORDER_CONSTANT, black);
                }
            }
        }
    }

    private WarpTables() {}

    /** Returns once the tables are built (the first call builds them). */
    public static void ready() { }
}
