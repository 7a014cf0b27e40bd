package dev.facemark.trainer.report;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.image.Cropper;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_core.vconcat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

/** Small OpenCV drawing helpers for the report: face tiles with points, labels, and grids of tiles. */
public final class Canvas {
    public static final Scalar GREEN = new Scalar(0, 200, 0, 0), RED = new Scalar(0, 0, 230, 0), WHITE = new Scalar(255, 255, 255, 0);

    private Canvas() {}

    /** A display crop of a face (BGR, owned by the caller) cut with core's Cropper. */
    public static Mat crop(Mat image, CropTransform t) {
        try (Cropper c = new Cropper()) {
            Mat w = c.warp(image, t);
            Mat out = new Mat();
            if (w.channels() == 1) org.bytedeco.opencv.global.opencv_imgproc.cvtColor(w, out, org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR);
            else w.copyTo(out);
            return out;
        }
    }

    /** Dots at interleaved source points, mapped into the tile by {@code t}. */
    public static void dots(Mat tile, CropTransform t, float[] sourcePoints, Scalar color, int radius) {
        float[] p = t.toInput(sourcePoints);
        for (int i = 0; i + 1 < p.length; i += 2) {
            try (Point c = new Point(Math.round(p[i]), Math.round(p[i + 1]))) {
                circle(tile, c, radius, color, FILLED, LINE_AA, 0);
            }
        }
    }

    public static void label(Mat tile, String text) {
        try (Point at = new Point(4, 14); Point shadow = new Point(5, 15)) {
            putText(tile, text, shadow, FONT_HERSHEY_SIMPLEX, 0.42, new Scalar(0, 0, 0, 0), 2, LINE_AA, false);
            putText(tile, text, at, FONT_HERSHEY_SIMPLEX, 0.42, WHITE, 1, LINE_AA, false);
        }
    }

    /** Tiles of one size in rows of {@code columns}, padded with black; writes a PNG. */
    public static void grid(List<Mat> tiles, int columns, Path png) {
        if (tiles.isEmpty()) throw new IllegalArgumentException("no tiles for " + png);
        int h = tiles.get(0).rows(), w = tiles.get(0).cols();
        try (MatVector rows = new MatVector(); Mat all = new Mat()) {
            for (int r = 0; r * columns < tiles.size(); r++) {
                try (MatVector row = new MatVector()) {
                    for (int c = 0; c < columns; c++) {
                        int i = r * columns + c;
                        row.push_back(i < tiles.size() ? tiles.get(i) : new Mat(h, w, CV_8UC3, new Scalar(0, 0, 0, 0)));
                    }
                    Mat joined = new Mat();
                    hconcat(row, joined);
                    rows.push_back(joined);
                }
            }
            vconcat(rows, all);
            imwrite(png.toString(), all);
        }
    }
}
