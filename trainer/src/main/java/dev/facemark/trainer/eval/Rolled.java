package dev.facemark.trainer.eval;

import dev.facemark.core.image.WarpTables;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * An annotated image turned about its centre by a known angle (clockwise on screen, as a head leaning
 * to its right), on a canvas large enough to hold the whole turned image, with its points turned the same way.
 *
 * @param image  the turned image; the caller closes it
 * @param points the annotation in the turned image's pixels
 */
record Rolled(Mat image, float[] points) {
    static Rolled of(Mat src, float[] points, double degrees) {
        double a = Math.toRadians(degrees), c = Math.cos(a), s = Math.sin(a);
        int w = src.cols(), h = src.rows();
        int ow = (int) Math.ceil(w * Math.abs(c) + h * Math.abs(s)), oh = (int) Math.ceil(w * Math.abs(s) + h * Math.abs(c));
        // Pixel centres are at integers: the centre of a w-pixel row is (w - 1) / 2.
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0, ocx = (ow - 1) / 2.0, ocy = (oh - 1) / 2.0;
        double tx = ocx - (c * cx - s * cy), ty = ocy - (s * cx + c * cy);
        Mat m = new Mat(2, 3, CV_64F);
        try (DoubleIndexer idx = m.createIndexer()) {
            idx.put(0, 0, c); idx.put(0, 1, -s); idx.put(0, 2, tx);
            idx.put(1, 0, s); idx.put(1, 1, c); idx.put(1, 2, ty);
        }
        Mat out = new Mat();
        try (m; Size size = new Size(ow, oh); Scalar black = new Scalar(0, 0, 0, 0)) {
            WarpTables.ready();
            warpAffine(src, out, m, size, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        float[] p = new float[points.length];
        for (int i = 0; i < points.length; i += 2) {
            p[i] = (float) (c * points[i] - s * points[i + 1] + tx);
            p[i + 1] = (float) (s * points[i] + c * points[i + 1] + ty);
        }
        return new Rolled(out, p);
    }
}
