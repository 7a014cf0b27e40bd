package dev.facemark.core.detect;

import dev.facemark.core.geom.FaceBox;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * THE YuNet face detector: libfacedetection's small CNN through OpenCV's {@code FaceDetectorYN},
 * on a copy of the frame shrunk to at most {@link #MAX_SIDE} px. More robust than Haar to pose and
 * lighting, and finds rolled faces. The tracker finds faces with it ({@code --detector yunet}) and the trainer fits
 * the "yunet" calibration with it, so both must see exactly the same boxes: one class, one set of
 * parameters. The model ({@value #MODEL_FILE}, Apache-2.0) is packaged in the core jar and is the
 * default detector; another file can be passed by path.
 * Detections carry the network's five {@link Keypoint}s.
 *
 * <p>Not thread-safe (the OpenCV detector and scratch Mats): one per thread.
 */
public final class YuNetDetector implements FaceDetector {
    /** The model file name the project is tested with (Apache-2.0, ShiqiYu/libfacedetection.train {@code onnx/}). */
    public static final String MODEL_FILE = "yunet_n_320_320.onnx";
    /** Where the packaged copy lives on the class path (with yunet_LICENSE.txt beside it; see THIRD-PARTY.md). */
    public static final String PACKAGED = "dev/facemark/core/detect/" + MODEL_FILE;
    private static byte[] packaged;
    /** Longer side of the frame the network runs on. */
    public static final int MAX_SIDE = 320;
    public static final float SCORE_THRESHOLD = 0.6f;
    public static final float NMS_THRESHOLD = 0.3f;
    public static final int TOP_K = 50;
    /** Columns of a row of {@code FaceDetectorYN}'s output: box x, y, w, h, then the keypoints' (x, y), then the score. */
    private static final int COL_KEYPOINTS = 4, COL_SCORE = COL_KEYPOINTS + 2 * Keypoint.COUNT;

    private final FaceDetectorYN yn;
    private final Path model;
    private final Downscale downscale;
    private final Mat faces = new Mat();
    private final float scoreThreshold;
    private final int maxSide;
    private Mat prepared;
    private int inW, inH;

    /**
     * @param model the model file, or null for the one packaged in this jar ({@link #PACKAGED})
     * @throws DetectorException when {@code model} is not a file or OpenCV cannot load it (the message names the file)
     */
    public YuNetDetector(Path model, float scoreThreshold, int maxSide) {
        if (model != null && !Files.isRegularFile(model)) throw new DetectorException("YuNet model " + model + " does not exist");
        try (Size size = new Size(MAX_SIDE, MAX_SIDE)) {
            yn = model == null
                    ? FaceDetectorYN.create("onnx", packagedBytes(), new byte[0], size, scoreThreshold, NMS_THRESHOLD, TOP_K, 0, 0)
                    : FaceDetectorYN.create(model.toString(), "", size, scoreThreshold, NMS_THRESHOLD, TOP_K, 0, 0);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new DetectorException("cannot load YuNet model " + (model == null ? PACKAGED : model) + ": " + why, e);
        }
        this.model = model;
        this.scoreThreshold = scoreThreshold;
        this.maxSide = maxSide;
        downscale = new Downscale(maxSide);
    }

    /** The packaged model with the shipped parameters: the default detector. */
    public YuNetDetector() { this(null, SCORE_THRESHOLD, MAX_SIDE); }

    /** The packaged model's bytes (read once; about 317 KB). */
    private static synchronized byte[] packagedBytes() {
        if (packaged == null) {
            try (InputStream in = YuNetDetector.class.getResourceAsStream(MODEL_FILE)) {
                if (in == null) throw new DetectorException("the packaged YuNet model " + PACKAGED + " is missing from this build: rebuild, or pass --detector yunet:PATH");
                packaged = in.readAllBytes();
            } catch (IOException e) {
                throw new DetectorException("cannot read the packaged YuNet model " + PACKAGED + ": " + e.getMessage(), e);
            }
        }
        return packaged;
    }

    /** The detector with the shipped parameters; what the tracker and trainer use. */
    public YuNetDetector(Path model) { this(model, SCORE_THRESHOLD, MAX_SIDE); }

    /** This detector's thresholds and frame size, for provenance (e.g. next to a fitted calibration). */
    public String describe() {
        return String.format(Locale.ROOT, "yunet max_side=%d score_threshold=%s nms=%s top_k=%d",
                maxSide, scoreThreshold, NMS_THRESHOLD, TOP_K);
    }

    @Override public String name() { return Detectors.YUNET; }

    /** {@link #describe()} and the model file's name. */
    @Override public String parameters() { return describe() + " model=" + (model == null ? MODEL_FILE + " (packaged)" : model.getFileName()); }

    /** Downscales a BGR frame into the image {@link #detect()} runs on (kept by reference when already small). */
    @Override
    public void prepare(Mat bgr) {
        prepared = downscale.apply(bgr);
        if (prepared.cols() != inW || prepared.rows() != inH) {
            inW = prepared.cols();
            inH = prepared.rows();
            try (Size size = new Size(inW, inH)) {
                yn.setInputSize(size);
            }
        }
    }

    /** Faces on the prepared image, in source pixels, with their keypoints, highest score first. */
    @Override
    public List<Detection> detect() {
        if (prepared == null) throw new IllegalStateException("prepare a frame before detecting");
        yn.detect(prepared, faces);
        List<Detection> out = new ArrayList<>();
        if (faces.empty()) return out;
        float k = downscale.toSource();
        try (FloatIndexer idx = faces.createIndexer()) {
            for (int i = 0; i < faces.rows(); i++) {
                // YuNet's coordinates are in pixel edges; the project's put pixel centres at integers (-0.5).
                FaceBox box = new FaceBox(idx.get(i, 0) * k - 0.5f, idx.get(i, 1) * k - 0.5f, idx.get(i, 2) * k, idx.get(i, 3) * k);
                float[] keypoints = new float[2 * Keypoint.COUNT];
                for (int j = 0; j < keypoints.length; j++) keypoints[j] = idx.get(i, COL_KEYPOINTS + j) * k - 0.5f;
                out.add(new Detection(box, idx.get(i, COL_SCORE), keypoints));
            }
        }
        out.sort((a, b) -> Float.compare(b.score(), a.score()));
        return out;
    }

    @Override
    public void close() {
        yn.close(); downscale.close(); faces.close();
    }
}
