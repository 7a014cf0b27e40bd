package dev.facemark.trainer.eval;

import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.metrics.LandmarkErrors;
import dev.facemark.core.metrics.Normalizer;
import dev.facemark.core.points.PointScheme;
import dev.facemark.core.runtime.ConfidenceCalibration;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.Predictions;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits a model's {@link ConfidenceCalibration} on held-out faces: the crops a tracker meets are run through
 * the model, each labelled good when its fit is within {@link ConfidenceCalibration#GOOD_NME}, and a logistic
 * regression on the log of the raw score (the lower decile of the point scores: on the shipped {@code fast}
 * it separates good from bad fits with AUC 0.83, against 0.76 for the mean) gives P(good | score). The crops: the face where the tracker would
 * crop it (small jitter of shift, scale and roll), the face drifted off-centre by 30-90% of its size (a track
 * that is slipping), and background of the same image away from the face (a lost track: always bad).
 */
public final class ConfidenceFit {
    /** One crop's raw score and whether its fit was good. */
    public record Sample(String kind, float score, boolean good) { }

    /** The fitted mapping and how well it separates good from bad crops. */
    public record Result(ConfidenceCalibration calibration, List<Sample> samples, double auc) {
        /** Median calibrated confidence of the crops of one kind (NaN when none). */
        public double medianConfidence(String kind) {
            double[] v = samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(s -> calibration.apply(s.score())).sorted().toArray();
            return v.length == 0 ? Double.NaN : v[v.length / 2];
        }

        /** Median raw score of the crops of one kind. */
        public double medianRaw(String kind) {
            double[] v = samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(Sample::score).sorted().toArray();
            return v.length == 0 ? Double.NaN : v[v.length / 2];
        }

        public long count(String kind) { return samples.stream().filter(s -> s.kind().equals(kind)).count(); }
    }

    public static final String ALIGNED = "aligned", DRIFTED = "drifted", BACKGROUND = "background";

    private ConfidenceFit() {}

    public static Result run(LandmarkModel model, List<FaceSample> faces, long seed) {
        Random rng = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (FaceSample s : faces) {
            try (Mat img = ImageLoader.readColor(s.image())) {
                FaceBox box = s.landmarkBox();
                float side = Math.max(box.w(), box.h());
                List<CropTransform> crops = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    FaceBox j = FaceBox.ofCentre(box.cx() + (float) (0.08 * side * rng.nextGaussian()), box.cy() + (float) (0.08 * side * rng.nextGaussian()),
                            box.w() * (float) (1 + 0.08 * rng.nextGaussian()), box.h() * (float) (1 + 0.08 * rng.nextGaussian()));
                    crops.add(model.cropFor(j, (float) Math.toRadians(5 * rng.nextGaussian())));
                    kinds.add(ALIGNED);
                }
                for (int k = 0; k < 2; k++) {
                    double a = 2 * Math.PI * rng.nextDouble(), d = side * (0.3 + 0.6 * rng.nextDouble()), sc = 0.7 + 0.8 * rng.nextDouble();
                    crops.add(model.cropFor(FaceBox.ofCentre(box.cx() + (float) (d * Math.cos(a)), box.cy() + (float) (d * Math.sin(a)),
                            (float) (box.w() * sc), (float) (box.h() * sc)), 0f));
                    kinds.add(DRIFTED);
                }
                FaceBox bg = background(img, box, rng);
                if (bg != null) {
                    crops.add(model.cropFor(bg, 0f));
                    kinds.add(BACKGROUND);
                }
                Predictions p = model.predict(img, crops);
                double norm = Normalizer.INTER_OCULAR.distance(PointScheme.IBUG_68, s.points());
                for (int i = 0; i < crops.size(); i++) {
                    boolean good = !kinds.get(i).equals(BACKGROUND)
                            && LandmarkErrors.nme(p.landmarks(i), s.points(), norm) < ConfidenceCalibration.GOOD_NME;
                    samples.add(new Sample(kinds.get(i), p.lowDecileScore(i), good));
                }
            }
        }
        ConfidenceCalibration c = fit(samples);
        return new Result(c, samples, auc(samples));
    }

    /** A face-sized box of the image that overlaps the face by IoU < 0.05, or null after 20 tries. */
    private static FaceBox background(Mat img, FaceBox face, Random rng) {
        float side = Math.max(face.w(), face.h());
        for (int t = 0; t < 20; t++) {
            float s = side * (float) (0.6 + 0.8 * rng.nextDouble());
            float cx = (float) (s / 2 + rng.nextDouble() * Math.max(1, img.cols() - s)), cy = (float) (s / 2 + rng.nextDouble() * Math.max(1, img.rows() - s));
            FaceBox b = FaceBox.ofCentre(cx, cy, s, s);
            if (b.iou(face) < 0.05f) return b;
        }
        return null;
    }

    /** Logistic regression of good on ln(score), by Newton's method with a light ridge (stable when nearly separable). */
    static ConfidenceCalibration fit(List<Sample> samples) {
        long good = samples.stream().filter(Sample::good).count();
        double rate = Math.min(0.99, Math.max(0.01, good / (double) Math.max(1, samples.size())));
        double a = 0, b = Math.log(rate / (1 - rate)); // start from the base rate: Newton then stays in its basin
        for (int it = 0; it < 100; it++) {
            double ga = 0, gb = 0, haa = 1e-3, hab = 0, hbb = 1e-3;
            for (Sample s : samples) {
                double x = Math.log(Math.max(1e-6, s.score())), p = 1 / (1 + Math.exp(-(a * x + b))), y = s.good() ? 1 : 0;
                double w = p * (1 - p);
                ga += (y - p) * x; gb += y - p;
                haa += w * x * x; hab += w * x; hbb += w;
            }
            ga -= 1e-3 * a; gb -= 1e-3 * b;
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            double step = Math.max(1, (Math.abs(da) + Math.abs(db)) / 2); // damped: at most 2 per step
            a += da / step; b += db / step;
            if (Math.abs(da) + Math.abs(db) < 1e-7) break;
        }
        return new ConfidenceCalibration((float) a, (float) b);
    }

    /** Area under the ROC curve of the raw score for good against bad crops (rank statistic; ties count half). */
    static double auc(List<Sample> samples) {
        double[] pos = samples.stream().filter(Sample::good).mapToDouble(Sample::score).sorted().toArray();
        double[] neg = samples.stream().filter(s -> !s.good()).mapToDouble(Sample::score).sorted().toArray();
        if (pos.length == 0 || neg.length == 0) return Double.NaN;
        double wins = 0;
        for (double p : pos) {
            int below = lowerBound(neg, p), upTo = lowerBound(neg, Math.nextUp(p));
            wins += below + 0.5 * (upTo - below);
        }
        return wins / ((double) pos.length * neg.length);
    }

    private static int lowerBound(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) return -i - 1;
        while (i > 0 && sorted[i - 1] == v) i--;
        return i;
    }
}
