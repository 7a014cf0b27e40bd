package dev.facemark.trainer.eval;

import dev.facemark.core.geom.FaceBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.Random;

import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/** The harder crops {@link ConfidenceFit} meets besides the face itself: background beside it, and degraded copies of it. */
final class ConfidenceCrops {
    private ConfidenceCrops() {}

    /** A copy of the image with the face blurred (sigma 2-12% of its size), a third to two thirds of it covered, or under-exposed. */
    static Mat degrade(Mat img, FaceBox face, Random rng) {
        Mat out = new Mat();
        float side = Math.max(face.w(), face.h());
        switch (rng.nextInt(3)) {
            case 0 -> GaussianBlur(img, out, new Size(0, 0), side * (0.02 + 0.1 * rng.nextDouble()));
            case 1 -> {
                img.copyTo(out);
                float f = (float) (0.3 + 0.3 * rng.nextDouble());
                float x0 = face.cx() - face.w() / 2, y0 = face.cy() - face.h() / 2, x1 = x0 + face.w(), y1 = y0 + face.h();
                switch (rng.nextInt(4)) {
                    case 0 -> y0 = y1 - f * face.h();  // mouth and chin
                    case 1 -> y1 = y0 + f * face.h();  // eyes and brows
                    case 2 -> x1 = x0 + f * face.w();
                    default -> x0 = x1 - f * face.w();
                }
                int g = 60 + rng.nextInt(160);
                try (Point a = new Point((int) x0, (int) y0); Point b = new Point((int) x1, (int) y1); Scalar c = new Scalar(g, 0.9 * g, 1.1 * g, 0)) {
                    rectangle(out, a, b, c, -1, 8, 0);
                }
            }
            default -> img.convertTo(out, -1, 0.06 + 0.2 * rng.nextDouble(), 0);
        }
        return out;
    }

    /** A face-sized box of the image that overlaps the face by IoU < 0.05, or null after 20 tries. */
    static FaceBox background(Mat img, FaceBox face, Random rng) {
        float side = Math.max(face.w(), face.h());
        for (int t = 0; t < 20; t++) {
            float s = side * (float) (0.6 + 0.8 * rng.nextDouble());
            float cx = (float) (s / 2 + rng.nextDouble() * Math.max(1, img.cols() - s)), cy = (float) (s / 2 + rng.nextDouble() * Math.max(1, img.rows() - s));
            FaceBox b = FaceBox.ofCentre(cx, cy, s, s);
            if (b.iou(face) < 0.05f) return b;
        }
        return null;
    }
}
