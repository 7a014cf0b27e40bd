package dev.facemark.trainer.data;

import dev.facemark.core.geom.FaceBox;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * OpenCV's Haar frontal-face cascade, read from the OpenCV jar: the detector whose boxes
 * {@code trainer calibrate} maps to landmark boxes and {@code eval --boxes detector} uses.
 * Not thread-safe (scratch Mats): one per thread.
 */
public final class HaarFaceDetector implements AutoCloseable {
    public static final String CASCADE = "haarcascade_frontalface_alt2.xml";
    private final CascadeClassifier cascade;
    private final Mat grey = new Mat();

    public HaarFaceDetector() {
        File xml;
        try {
            xml = Loader.cacheResource(Loader.class, "/org/bytedeco/opencv/" + Loader.getPlatform()
                    + "/share/opencv4/haarcascades/" + CASCADE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack " + CASCADE + " from the OpenCV jar: " + e.getMessage(), e);
        }
        if (xml == null) throw new IllegalStateException(CASCADE + " not found in the OpenCV jar for " + Loader.getPlatform());
        cascade = new CascadeClassifier(xml.getAbsolutePath());
        if (cascade.empty()) throw new IllegalStateException("cannot load " + xml);
    }

    /** Faces in a BGR or grey image, at least {@code minSize} pixels wide. */
    public List<FaceBox> detect(Mat image, int minSize) {
        if (image.channels() == 1) image.copyTo(grey); else cvtColor(image, grey, COLOR_BGR2GRAY);
        equalizeHist(grey, grey);
        List<FaceBox> out = new ArrayList<>();
        try (RectVector faces = new RectVector(); Size min = new Size(minSize, minSize); Size max = new Size()) {
            cascade.detectMultiScale(grey, faces, 1.1, 3, 0, min, max);
            for (long i = 0; i < faces.size(); i++) {
                Rect r = faces.get(i);
                // Rect corners are pixel edges; the project's boxes put pixel centres at integers.
                out.add(new FaceBox(r.x() - 0.5f, r.y() - 0.5f, r.width(), r.height()));
            }
        }
        return out;
    }

    /** The detection that overlaps {@code truth} most, or null when none overlaps it by IoU >= minIou. */
    public static FaceBox bestMatch(List<FaceBox> dets, FaceBox truth, float minIou) {
        FaceBox best = null;
        float bestIou = minIou;
        for (FaceBox d : dets) {
            float iou = d.iou(truth);
            if (iou >= bestIou) { bestIou = iou; best = d; }
        }
        return best;
    }

    @Override
    public void close() {
        cascade.close();
        grey.close();
    }
}
