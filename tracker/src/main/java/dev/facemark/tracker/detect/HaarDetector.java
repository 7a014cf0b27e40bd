package dev.facemark.tracker.detect;

import dev.facemark.core.geom.FaceBox;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.File;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * OpenCV's Viola-Jones frontal face cascade (haarcascade_frontalface_alt2, shipped inside the
 * JavaCV OpenCV jar and cached on first use) on a small grey copy of the frame: the detector only
 * has to find roughly where a face is, the landmark model does the rest, so 200 px is plenty and
 * keeps it at a few milliseconds.
 *
 * <p>Score: the share of neighbouring raw detections that voted for the box (capped at 1), an
 * honest if coarse confidence; OpenCV's cascade has no calibrated probability.
 */
public final class HaarDetector implements FaceDetector {
    public static final String CASCADE = "haarcascade_frontalface_alt2.xml";
    private static final int MIN_NEIGHBOURS = 3;

    private final CascadeClassifier cascade;
    private final Downscale downscale;
    private final Mat grey = new Mat();
    private final RectVector rects = new RectVector();
    private final IntPointer votes = new IntPointer(64);

    public HaarDetector(int maxSide) {
        File xml = cascadeFile();
        cascade = new CascadeClassifier(xml.getAbsolutePath());
        if (cascade.empty()) throw new IllegalStateException("cannot load Haar cascade " + xml);
        downscale = new Downscale(maxSide);
    }

    public HaarDetector() { this(200); }

    /** The cascade XML, extracted from the OpenCV jar into JavaCPP's cache on first use. */
    public static File cascadeFile() {
        String res = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + CASCADE;
        try {
            return Loader.cacheResource(res);
        } catch (Exception e) {
            throw new IllegalStateException("Haar cascade " + res + " not found in the OpenCV jar (" + e.getMessage()
                    + "); use --detector yunet:PATH", e);
        }
    }

    @Override public String name() { return "haar"; }

    @Override
    public void prepare(Mat bgr) {
        Mat small = downscale.apply(bgr);
        if (small.channels() == 1) small.copyTo(grey);
        else cvtColor(small, grey, COLOR_BGR2GRAY);
        equalizeHist(grey, grey);
    }

    @Override
    public void detect(List<Detection> out) {
        out.clear();
        int minSide = Math.max(30, Math.min(grey.cols(), grey.rows()) / 8); // smaller faces are too small to landmark; 30 (not 20) px halves the cost on the sample
        try (Size min = new Size(minSide, minSide); Size max = new Size()) {
            // Scale step 1.2: half the pyramid levels of 1.1 and, on the sample video, the same faces found.
            cascade.detectMultiScale2(grey, rects, votes, 1.2, MIN_NEIGHBOURS, 0, min, max);
        }
        float k = downscale.toSource();
        for (long i = 0; i < rects.size(); i++) {
            Rect r = rects.get(i);
            float score = Math.min(1f, votes.get(i) / (4f * MIN_NEIGHBOURS));
            // Rect corners are pixel edges; the project's boxes use pixel centres (-0.5).
            out.add(new Detection(new FaceBox(r.x() * k - 0.5f, r.y() * k - 0.5f, r.width() * k, r.height() * k), score));
        }
        out.sort((a, b) -> Float.compare(b.box().area() * (0.5f + b.score()), a.box().area() * (0.5f + a.score())));
    }

    @Override
    public void close() {
        cascade.close(); downscale.close(); grey.close(); rects.close(); votes.close();
    }
}
