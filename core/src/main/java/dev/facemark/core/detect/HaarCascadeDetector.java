package dev.facemark.core.detect;

import dev.facemark.core.geom.FaceBox;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * THE Haar face detector: OpenCV's Viola-Jones frontal face cascade (haarcascade_frontalface_alt2,
 * shipped inside the JavaCV OpenCV jar and cached on first use) on a small grey copy of the frame.
 * The tracker finds faces with it and the trainer fits the "haar" calibration and draws
 * detector-box training crops with it, so both must see exactly the same boxes: one class, one
 * set of parameters. The detector only has to find roughly where a face is, the landmark model
 * does the rest, so a 200 px frame is plenty and keeps it at a few milliseconds.
 *
 * <p>Scores are the share of neighbouring raw detections that voted for a box ({@link #score(int)}).
 * Not thread-safe (scratch Mats): one per thread.
 */
public final class HaarCascadeDetector implements FaceDetector {
    public static final String CASCADE = "haarcascade_frontalface_alt2.xml";
    /** Longer side of the frame the cascade runs on. */
    public static final int MAX_SIDE = 200;
    /** Smallest face on the downscaled frame: smaller ones are too small to landmark; 30 (not 20) px halves the cost. */
    public static final int MIN_FACE = 30;
    /** Pyramid step: half the levels of 1.1 and, on the sample video, the same faces found. */
    public static final double SCALE_STEP = 1.2;
    public static final int MIN_NEIGHBOURS = 3;

    private final CascadeClassifier cascade;
    private final int maxSide;
    private final Downscale downscale;
    private final Mat grey = new Mat();
    private final RectVector rects = new RectVector();
    private final IntPointer votes = new IntPointer(64);

    /** The detector with the shipped parameters ({@link #MAX_SIDE}); what the tracker and trainer use. */
    public HaarCascadeDetector() { this(MAX_SIDE); }

    /** A detector on a frame of at most {@code maxSide} pixels (larger finds smaller faces, slower). */
    public HaarCascadeDetector(int maxSide) {
        File xml = cascadeFile();
        this.maxSide = maxSide;
        downscale = new Downscale(maxSide);
        cascade = new CascadeClassifier(xml.getAbsolutePath());
        if (cascade.empty()) {
            close();
            throw new IllegalStateException("cannot load Haar cascade " + xml);
        }
    }

    /** The cascade XML, extracted from the OpenCV jar into JavaCPP's cache on first use. */
    public static File cascadeFile() {
        String res = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + CASCADE;
        File f;
        try {
            f = Loader.cacheResource(res);
        } catch (Exception e) {
            throw new IllegalStateException("Haar cascade " + res + " not found in the OpenCV jar (" + e.getMessage() + ")", e);
        }
        if (f == null) throw new IllegalStateException("Haar cascade " + res + " not found in the OpenCV jar");
        return f;
    }

    /** The shipped parameters, for provenance (e.g. next to a fitted calibration). */
    public static String describe() { return describe(MAX_SIDE); }

    private static String describe(int maxSide) {
        return String.format(Locale.ROOT, "%s max_side=%d min_face=%d scale_step=%s min_neighbours=%d equalized grey",
                CASCADE, maxSide, MIN_FACE, SCALE_STEP, MIN_NEIGHBOURS);
    }

    /**
     * The score of a box that {@code neighbours} raw detections were merged into: their share, capped
     * at 1; an honest if coarse confidence, since OpenCV's cascade has no calibrated probability.
     */
    public static float score(int neighbours) {
        return Math.min(1f, neighbours / (4f * MIN_NEIGHBOURS));
    }

    @Override public String name() { return Detectors.HAAR; }

    /** This detector's parameters: {@link #describe()} for the shipped ones. */
    @Override public String parameters() { return describe(maxSide); }

    /** Downscales and converts a BGR (or grey) frame into the scratch image {@link #detect()} runs on. */
    @Override
    public void prepare(Mat image) {
        Mat small = downscale.apply(image);
        if (small.channels() == 1) small.copyTo(grey);
        else cvtColor(small, grey, COLOR_BGR2GRAY);
        equalizeHist(grey, grey);
    }

    /** Faces on the prepared image, in source pixels, best (large and well supported) first; no keypoints. */
    @Override
    public List<Detection> detect() {
        int minSide = Math.max(MIN_FACE, Math.min(grey.cols(), grey.rows()) / 8);
        try (Size min = new Size(minSide, minSide); Size max = new Size()) {
            cascade.detectMultiScale2(grey, rects, votes, SCALE_STEP, MIN_NEIGHBOURS, 0, min, max);
        }
        float k = downscale.toSource();
        List<Detection> out = new ArrayList<>((int) rects.size());
        for (long i = 0; i < rects.size(); i++) {
            Rect r = rects.get(i);
            // Rect corners are pixel edges; the project's boxes put pixel centres at integers (-0.5).
            FaceBox box = new FaceBox(r.x() * k - 0.5f, r.y() * k - 0.5f, r.width() * k, r.height() * k);
            out.add(new Detection(box, score(votes.get(i))));
        }
        out.sort((a, b) -> Float.compare(rank(b), rank(a)));
        return out;
    }

    private static float rank(Detection f) { return f.box().area() * (0.5f + f.score()); }

    @Override
    public void close() {
        if (cascade != null) cascade.close();
        downscale.close(); grey.close(); rects.close(); votes.close();
    }
}
