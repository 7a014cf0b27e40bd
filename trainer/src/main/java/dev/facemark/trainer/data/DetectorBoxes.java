package dev.facemark.trainer.data;

import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.detect.Detection;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Haar detections of the training faces, mapped through a {@link DetectorCalibration} to estimated
 * landmark boxes: training crops drawn from these teach the model the tracker's first-frame crops
 * (core's {@link HaarCascadeDetector}, the tracker's own detector and parameters).
 * Detecting thousands of images is slow, so results are cached in a TSV in the run folder; its
 * first line names the detector's parameters and a cache written by a different detector is discarded.
 */
public final class DetectorBoxes {
    /** First line of the cache: which detector, with which parameters, produced the boxes. */
    static final String HEADER = "# " + HaarCascadeDetector.describe();

    private final Map<String, FaceBox> boxes;
    private final DetectorCalibration calibration;

    private DetectorBoxes(Map<String, FaceBox> boxes, DetectorCalibration calibration) {
        this.boxes = boxes;
        this.calibration = calibration;
    }

    /** The calibrated detector box of a face, or null when Haar did not find it. */
    public FaceBox landmarkBoxOf(FaceSample s) {
        FaceBox d = boxes.get(key(s));
        return d == null ? null : calibration.toLandmarkBox(d);
    }

    public int found() { return boxes.size(); }

    /** Detections for {@code faces}, from {@code cache} when it has them, else detected (on {@code threads} threads) and cached. */
    public static DetectorBoxes load(List<FaceSample> faces, DetectorCalibration calibration, Path cache, int threads) throws IOException {
        Map<String, FaceBox> known = new HashMap<>();
        java.util.Set<String> missed = new java.util.HashSet<>();
        boolean fresh = true;
        List<String> lines = Files.isRegularFile(cache) ? Files.readAllLines(cache, StandardCharsets.UTF_8) : List.of();
        if (!lines.isEmpty() && lines.get(0).equals(HEADER)) {
            fresh = false;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                if (f.length == 2 && f[1].equals("none")) missed.add(f[0]);
                else if (f.length == 5) known.put(f[0], new FaceBox(Float.parseFloat(f[1]), Float.parseFloat(f[2]), Float.parseFloat(f[3]), Float.parseFloat(f[4])));
            }
        }
        List<FaceSample> todo = faces.stream().filter(s -> !known.containsKey(key(s)) && !missed.contains(key(s))).toList();
        if (!todo.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try {
                List<Future<FaceBox>> out = new ArrayList<>();
                List<FaceDetector> detectors = Collections.synchronizedList(new ArrayList<>());
                ThreadLocal<FaceDetector> det = ThreadLocal.withInitial(() -> {
                    FaceDetector h = Detectors.open(Detectors.HAAR);
                    detectors.add(h);
                    return h;
                });
                for (FaceSample s : todo) out.add(pool.submit(() -> detect(det.get(), s)));
                StringBuilder sb = new StringBuilder(fresh ? HEADER + "\n" : "");
                for (int i = 0; i < todo.size(); i++) {
                    FaceBox b = out.get(i).get();
                    String k = key(todo.get(i));
                    if (b == null) sb.append(k).append("\tnone\n");
                    else {
                        known.put(k, b);
                        sb.append(String.format(Locale.ROOT, "%s\t%.2f\t%.2f\t%.2f\t%.2f%n", k, b.x(), b.y(), b.w(), b.h()));
                    }
                }
                // A fresh cache replaces whatever was there (nothing, or another detector's boxes).
                Files.writeString(cache, sb.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        fresh ? java.nio.file.StandardOpenOption.TRUNCATE_EXISTING : java.nio.file.StandardOpenOption.APPEND);
                detectors.forEach(FaceDetector::close);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while detecting faces", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("face detection failed: " + e.getCause().getMessage(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new DetectorBoxes(known, calibration);
    }

    /**
     * The detector's box of this face (not yet calibrated): the plausible detection closest to its
     * landmark box, or null when the detector missed it. Shared with {@code trainer calibrate}, so the
     * calibration is fitted on exactly the boxes training then uses.
     */
    public static FaceBox detect(FaceDetector detector, FaceSample s) {
        try (Mat img = ImageLoader.readColor(s.image())) {
            return CalibrationFit.closestPlausible(detector.detect(img).stream().map(Detection::box).toList(), s.landmarkBox());
        }
    }

    static String key(FaceSample s) { return s.subset() + "|" + s.name(); }
}
