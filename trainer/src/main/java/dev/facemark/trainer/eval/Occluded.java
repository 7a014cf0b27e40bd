package dev.facemark.trainer.eval;

import dev.facemark.core.geom.FaceBox;
import dev.facemark.trainer.augment.Patch;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.SplittableRandom;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * A synthetic occluder for robustness tests ({@code trainer eval --occlude SHARE}): one flat grey rectangle covering
 * {@code share} of the face's ground-truth box (aspect 1:2 to 2:1, anywhere inside the box), drawn from the face's
 * index, so every model meets the same patch on the same face. The annotation is unchanged: the points under the
 * patch are still scored, as a tracker's user would see them.
 */
final class Occluded {
    private Occluded() {}

    /** The patch for face {@code index}, in image pixels, inside {@code box}. */
    static int[] patch(FaceBox box, double share, long index) {
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("occluded share must be in (0, 1], got " + share);
        SplittableRandom rng = new SplittableRandom(0x0cc1dedL ^ index);
        Patch p = Patch.inside(box.x(), box.y(), box.w(), box.h(), share * box.w() * box.h(), rng);
        int grey = 40 + rng.nextInt(176);
        return new int[] {(int) Math.round(p.x()), (int) Math.round(p.y()), (int) Math.max(1, Math.round(p.w())), (int) Math.max(1, Math.round(p.h())), grey};
    }

    /** Paints face {@code index}'s patch into {@code image} (8-bit, any channel count) in place. */
    static void paint(Mat image, FaceBox box, double share, long index) {
        int[] p = patch(box, share, index);
        try (Rect r = new Rect(p[0], p[1], p[2], p[3]); Scalar grey = new Scalar(p[4], p[4], p[4], 0)) {
            rectangle(image, r, grey, FILLED, LINE_8, 0);
        }
    }
}
