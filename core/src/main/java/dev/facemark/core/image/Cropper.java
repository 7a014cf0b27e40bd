package dev.facemark.core.image;

import dev.facemark.core.geom.CropTransform;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.ALGO_HINT_DEFAULT;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

/**
 * Cuts a model input out of a source image: the one warp both trainer and tracker use, so a
 * training crop and a tracking crop are the same crop by construction. Bilinear sampling, border
 * replicated; the source is BGR (8UC3) or grey (8UC1) as OpenCV decodes it.
 *
 * <p>Not thread-safe: it reuses its scratch Mats. One per thread; close when done.
 */
public final class Cropper implements AutoCloseable {
    private final Mat matrix = new Mat(2, 3, CV_64F);
    private final Mat warped = new Mat();
    private final Mat converted = new Mat();
    private final Mat blurred = new Mat();
    // Reused native values: a new Size/Scalar per call is only freed by the garbage collector.
    private final Size outSize = new Size(0, 0);
    private final Size autoKernel = new Size(0, 0);
    private final Scalar border = new Scalar();
    private byte[] pixels = new byte[0];
    private float[] row = new float[0];
    private Normalization lutFor;
    private float[][] lut;

    public Cropper() {
        WarpTables.ready(); // before this thread's first warp races another's (see WarpTables)
    }

    /** Warps the crop into an 8-bit image of the transform's size with the source's channel count. */
    public Mat warp(Mat source, CropTransform t) {
        double[] inv = t.inverseMatrix();
        Mat src = source;
        float k = t.sourcePixelsPerInputPixel();
        if (k > 2.5f) {
            // Bilinear sampling aliases when shrinking a lot: low-pass the crop's region first.
            double sigma = 0.25 * k;
            Rect roi = sourceRegion(source, t, (int) Math.ceil(3 * sigma) + 2);
            if (roi != null) {
                try (Mat view = source.apply(roi)) {
                    GaussianBlur(view, blurred, autoKernel, sigma, sigma, BORDER_REPLICATE, ALGO_HINT_DEFAULT);
                }
                src = blurred;
                inv[2] -= roi.x();
                inv[5] -= roi.y();
                roi.close();
            }
        }
        try (DoubleIndexer idx = matrix.createIndexer()) {
            for (int i = 0; i < 6; i++) idx.put(i / 3, i % 3, inv[i]);
        }
        if (outSize.width() != t.width() || outSize.height() != t.height()) {
            outSize.width(t.width()).height(t.height());
        }
        warpAffine(src, warped, matrix, outSize, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_REPLICATE, border);
        return warped;
    }

    /** Bounding rectangle of the crop in the source, grown by {@code margin} and clipped; null if empty. */
    private static Rect sourceRegion(Mat source, CropTransform t, int margin) {
        float[] corners = t.toSource(new float[] {-0.5f, -0.5f, t.width() - 0.5f, -0.5f,
                -0.5f, t.height() - 0.5f, t.width() - 0.5f, t.height() - 0.5f});
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < 8; i += 2) {
            minX = Math.min(minX, corners[i]); maxX = Math.max(maxX, corners[i]);
            minY = Math.min(minY, corners[i + 1]); maxY = Math.max(maxY, corners[i + 1]);
        }
        int x0 = Math.max(0, (int) Math.floor(minX) - margin), y0 = Math.max(0, (int) Math.floor(minY) - margin);
        int x1 = Math.min(source.cols(), (int) Math.ceil(maxX) + margin + 1);
        int y1 = Math.min(source.rows(), (int) Math.ceil(maxY) + margin + 1);
        if (x1 - x0 < 2 || y1 - y0 < 2) return null;
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * Warps and normalises into {@code out} at its current position (planar CHW, {@code norm.channels()}
     * planes of width x height floats); the buffer's position advances past the written values.
     */
    public void cropInto(Mat source, CropTransform t, Normalization norm, FloatBuffer out) {
        Mat img = toChannels(warp(source, t), norm.channels());
        int wd = t.width(), ht = t.height(), n = wd * ht, ch = img.channels();
        if (pixels.length < n * ch) pixels = new byte[n * ch];
        ((BytePointer) img.data()).get(pixels, 0, n * ch); // warp output is continuous
        float[][] lut = lookupTable(norm);
        int base = out.position();
        if (ch == 1) {
            float[] l0 = lut[0];
            if (row.length < n) row = new float[n];
            for (int p = 0; p < n; p++) row[p] = l0[pixels[p] & 0xFF];
            out.position(base);
            out.put(row, 0, n);
        } else {
            // OpenCV is BGR; the model wants RGB planes.
            if (row.length < 3 * n) row = new float[3 * n];
            float[] lr = lut[0], lg = lut[1], lb = lut[2];
            for (int p = 0; p < n; p++) {
                row[p] = lr[pixels[3 * p + 2] & 0xFF];
                row[n + p] = lg[pixels[3 * p + 1] & 0xFF];
                row[2 * n + p] = lb[pixels[3 * p] & 0xFF];
            }
            out.position(base);
            out.put(row, 0, 3 * n);
        }
        out.position(base + n * norm.channels());
    }

    /** Per-channel 256-entry table of {@link Normalization#apply}: one load per pixel instead of two divisions. */
    private float[][] lookupTable(Normalization norm) {
        if (!norm.equals(lutFor)) {
            lut = new float[norm.channels()][256];
            for (int c = 0; c < norm.channels(); c++) for (int v = 0; v < 256; v++) lut[c][v] = norm.apply(c, v);
            lutFor = norm;
        }
        return lut;
    }

    /** Convenience: a freshly allocated CHW float array. */
    public float[] crop(Mat source, CropTransform t, Normalization norm) {
        FloatBuffer fb = FloatBuffer.allocate(t.width() * t.height() * norm.channels());
        cropInto(source, t, norm, fb);
        return fb.array();
    }

    private Mat toChannels(Mat img, int channels) {
        if (img.channels() == channels) return img;
        if (channels == 1) {
            cvtColor(img, converted, img.channels() == 4 ? COLOR_BGRA2GRAY : COLOR_BGR2GRAY);
        } else {
            cvtColor(img, converted, COLOR_GRAY2BGR);
        }
        return converted;
    }

    @Override
    public void close() {
        matrix.close(); warped.close(); converted.close(); blurred.close();
        outSize.close(); autoKernel.close(); border.close();
    }
}
