package dev.facemark.tracker.detect;

import dev.facemark.core.detect.Downscale;
import dev.facemark.core.geom.FaceBox;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * YuNet (libfacedetection's small CNN) through OpenCV's {@code FaceDetectorYN}, on a copy of the
 * frame shrunk to at most 320 px. More robust than Haar to pose and lighting; the model file is
 * the user's ({@code --detector yunet:PATH}).
 */
public final class YuNetDetector implements FaceDetector {
    private final FaceDetectorYN yn;
    private final Downscale downscale;
    private final Mat faces = new Mat();
    private Mat prepared;
    private int inW, inH;

    public YuNetDetector(Path model, float scoreThreshold, int maxSide) {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("YuNet model " + model + " does not exist; pass --detector yunet:PATH/TO/yunet.onnx");
        }
        try {
            yn = FaceDetectorYN.create(model.toString(), "", new Size(320, 320), scoreThreshold, 0.3f, 50, 0, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot load YuNet model " + model + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        downscale = new Downscale(maxSide);
    }

    public YuNetDetector(Path model) { this(model, 0.6f, 320); }

    @Override public String name() { return "yunet"; }

    @Override
    public void prepare(Mat bgr) {
        prepared = downscale.apply(bgr);
        if (prepared.cols() != inW || prepared.rows() != inH) {
            inW = prepared.cols();
            inH = prepared.rows();
            yn.setInputSize(new Size(inW, inH));
        }
    }

    @Override
    public void detect(List<Detection> out) {
        out.clear();
        yn.detect(prepared, faces);
        if (faces.empty()) return;
        float k = downscale.toSource();
        try (FloatIndexer idx = faces.createIndexer()) {
            for (int i = 0; i < faces.rows(); i++) {
                // Row: x, y, w, h, 5 landmark pairs, score. YuNet boxes are in pixel-edge coordinates.
                out.add(new Detection(new FaceBox(idx.get(i, 0) * k - 0.5f, idx.get(i, 1) * k - 0.5f,
                        idx.get(i, 2) * k, idx.get(i, 3) * k), idx.get(i, 14)));
            }
        }
        out.sort((a, b) -> Float.compare(b.score(), a.score()));
    }

    @Override
    public void close() {
        yn.close(); downscale.close(); faces.close();
    }
}
