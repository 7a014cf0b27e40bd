package dev.facemark.trainer.eval;

import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.geom.CropFromLandmarks;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.metrics.LandmarkErrors;
import dev.facemark.core.metrics.Median;
import dev.facemark.core.metrics.Normalizer;
import dev.facemark.core.points.PointScheme;
import dev.facemark.core.runtime.ConfidenceCalibration;
import dev.facemark.core.runtime.ConfidenceFeatures;
import dev.facemark.core.runtime.FeatureConfidence;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.Predictions;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;


/**
 * Fits a heatmap model's face confidence on held-out faces: the crops a tracker meets are run through the
 * model, each labelled good when its fit is within {@link ConfidenceCalibration#GOOD_NME}, and a logistic
 * regression gives P(good | features). The crops: the face where the tracker would crop it (two from the
 * face's points, de-rotated, as the tracker does every frame, one from its upright box, as a detector seed;
 * small jitter of shift, scale and roll), the face drifted off-centre by 30-90% of its size (a track that is
 * slipping), and background of the same image away from the face (a lost track: always bad). One more crop
 * a face, {@link #DEGRADED}, is the aligned crop of a blurred, partly covered or under-exposed copy of the
 * image: it is not fitted on, only reported (how the confidence does on bad frames it was not fitted to),
 * and it draws from its own random stream, so the fitted crops are the same with or without it.
 *
 * <p>Two fits on the same crops: the several-feature {@link FeatureConfidence} ({@link ConfidenceFeatures},
 * L2-regularised, {@link LogisticFit}), and the single-feature {@link ConfidenceCalibration} of the lower
 * decile of the point scores (what older runtimes read). The crops are weighted so that the kinds count
 * {@link #SHARES} of the whole: background crops exist for fewer faces (a tight photo has no room), and a
 * lost track must read low.
 */
public final class ConfidenceFit {
    /** One crop: its kind, raw score (lower decile of the point scores), {@link ConfidenceFeatures} and whether its fit was good. */
    public record Sample(String kind, float score, double[] features, boolean good) {
        public Sample(String kind, float score, boolean good) { this(kind, score, null, good); }
    }

    /**
     * The fitted mappings and how well they separate good from bad crops: {@code auc} and {@code aucLowDecile}
     * on the fitted kinds, {@code aucDegraded} and {@code aucDegradedLowDecile} on the {@link #DEGRADED} crops alone.
     */
    public record Result(FeatureConfidence features, ConfidenceCalibration calibration, List<Sample> samples,
                         double auc, double aucLowDecile, double aucDegraded, double aucDegradedLowDecile) {
        /** Median confidence of the crops of one kind under the several-feature fit (NaN when none). */
        public double medianConfidence(String kind) {
            return Median.of(samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(s -> features.apply(s.features())).toArray());
        }

        /** Median confidence of the crops of one kind with a good (or a bad) fit, under the several-feature fit. */
        public double medianConfidence(String kind, boolean good) {
            return Median.of(samples.stream().filter(s -> s.kind().equals(kind) && s.good() == good).mapToDouble(s -> features.apply(s.features())).toArray());
        }

        /** Median confidence of the crops of one kind under the single-feature fit. */
        public double medianLowDecileConfidence(String kind) {
            return Median.of(samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(s -> calibration.apply(s.score())).toArray());
        }

        /** Median raw score of the crops of one kind. */
        public double medianRaw(String kind) {
            return Median.of(samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(Sample::score).toArray());
        }

        public long count(String kind) { return samples.stream().filter(s -> s.kind().equals(kind)).count(); }
    }

    public static final String ALIGNED = "aligned", DRIFTED = "drifted", BACKGROUND = "background", DEGRADED = "degraded";
    /** The share of the fit's weight each kind of crop gets (a tracker mostly meets aligned faces). */
    public static final Map<String, Double> SHARES = Map.of(ALIGNED, 0.5, DRIFTED, 0.3, BACKGROUND, 0.2);
    /** The ridge of the several-feature fit, on standardised features. */
    public static final double LAMBDA = 1.0;

    private ConfidenceFit() {}

    /** One crop's model answer, kept until the mean shape (of all aligned crops) is known. */
    private record Crop(String kind, float[] scores, float[] inputPoints, float lowDecile, boolean good) { }

    public static Result run(LandmarkModel model, List<FaceSample> faces, long seed) {
        return run(model, faces, seed, ConfidenceFeatures.NAMES);
    }

    /** As {@link #run(LandmarkModel, List, long)}, fitting only the named features (the others get weight 0). */
    public static Result run(LandmarkModel model, List<FaceSample> faces, long seed, List<String> use) {
        Random rng = new Random(seed), evalRng = new Random(seed ^ 0xDE6A4DEDL);
        int inputWidth = model.contract().inputWidth(), n = model.contract().points();
        int[] eyes = model.contract().scheme().outerEyeCorners();
        List<Crop> all = new ArrayList<>();
        float[] meanShape = new float[2 * n];
        int alignedCount = 0;
        for (FaceSample s : faces) {
            try (Mat img = ImageLoader.readColor(s.image())) {
                FaceBox box = s.landmarkBox();
                float side = Math.max(box.w(), box.h());
                List<CropTransform> crops = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    // Two as the tracker crops from last frame's points (de-rotated), one as a detector seed (upright box).
                    float roll = k < 2 && eyes != null ? CropFromLandmarks.roll(s.points(), eyes[0], eyes[1]) : 0f;
                    FaceBox ref = k < 2 ? CropFromLandmarks.box(s.points(), roll) : box;
                    FaceBox j = FaceBox.ofCentre(ref.cx() + (float) (0.08 * side * rng.nextGaussian()), ref.cy() + (float) (0.08 * side * rng.nextGaussian()),
                            ref.w() * (float) (1 + 0.08 * rng.nextGaussian()), ref.h() * (float) (1 + 0.08 * rng.nextGaussian()));
                    crops.add(model.cropFor(j, roll + (float) Math.toRadians(5 * rng.nextGaussian())));
                    kinds.add(ALIGNED);
                }
                for (int k = 0; k < 2; k++) {
                    double a = 2 * Math.PI * rng.nextDouble(), d = side * (0.3 + 0.6 * rng.nextDouble()), sc = 0.7 + 0.8 * rng.nextDouble();
                    crops.add(model.cropFor(FaceBox.ofCentre(box.cx() + (float) (d * Math.cos(a)), box.cy() + (float) (d * Math.sin(a)),
                            (float) (box.w() * sc), (float) (box.h() * sc)), 0f));
                    kinds.add(DRIFTED);
                }
                FaceBox bg = ConfidenceCrops.background(img, box, rng);
                if (bg != null) {
                    crops.add(model.cropFor(bg, 0f));
                    kinds.add(BACKGROUND);
                }
                // The degraded crop's own random stream: drawn before the fitted crops' predict, used after it.
                float roll = eyes != null ? CropFromLandmarks.roll(s.points(), eyes[0], eyes[1]) : 0f;
                FaceBox ref = CropFromLandmarks.box(s.points(), roll);
                CropTransform degradedCrop = model.cropFor(FaceBox.ofCentre(ref.cx() + (float) (0.08 * side * evalRng.nextGaussian()),
                        ref.cy() + (float) (0.08 * side * evalRng.nextGaussian()), ref.w() * (float) (1 + 0.08 * evalRng.nextGaussian()),
                        ref.h() * (float) (1 + 0.08 * evalRng.nextGaussian())), roll + (float) Math.toRadians(5 * evalRng.nextGaussian()));
                Predictions p = model.predict(img, crops);
                double norm = Normalizer.INTER_OCULAR.distance(PointScheme.IBUG_68, s.points());
                for (int i = 0; i < crops.size(); i++) {
                    String kind = kinds.get(i);
                    boolean good = !kind.equals(BACKGROUND) && LandmarkErrors.nme(p.landmarks(i), s.points(), norm) < ConfidenceCalibration.GOOD_NME;
                    all.add(new Crop(kind, p.pointScores(i).clone(), p.inputLandmarks(i).clone(), p.lowDecileScore(i), good));
                    if (kind.equals(ALIGNED)) { // where the true points sit in a tracker's crop: the mean shape's frame
                        float[] gt = crops.get(i).toInput(s.points());
                        for (int v = 0; v < 2 * n; v++) meanShape[v] += gt[v] / inputWidth;
                        alignedCount++;
                    }
                }
                try (Mat bad = ConfidenceCrops.degrade(img, box, evalRng)) {
                    Predictions q = model.predict(bad, List.of(degradedCrop));
                    boolean good = LandmarkErrors.nme(q.landmarks(0), s.points(), norm) < ConfidenceCalibration.GOOD_NME;
                    all.add(new Crop(DEGRADED, q.pointScores(0).clone(), q.inputLandmarks(0).clone(), q.lowDecileScore(0), good));
                }
            }
        }
        if (alignedCount == 0) throw new IllegalArgumentException("no faces to calibrate on");
        for (int v = 0; v < 2 * n; v++) meanShape[v] /= alignedCount;
        List<Sample> samples = new ArrayList<>();
        float[] sorted = new float[n];
        for (Crop c : all) {
            double[] f = new double[ConfidenceFeatures.COUNT];
            ConfidenceFeatures.compute(c.scores(), c.inputPoints(), n, inputWidth, meanShape, sorted, f);
            samples.add(new Sample(c.kind(), c.lowDecile(), f, c.good()));
        }
        return fitAll(samples, meanShape, use);
    }

    /** Both fits on the samples of the fitted kinds (each with its {@link ConfidenceFeatures}), against {@code meanShape}. */
    static Result fitAll(List<Sample> samples, float[] meanShape) { return fitAll(samples, meanShape, ConfidenceFeatures.NAMES); }

    static Result fitAll(List<Sample> samples, float[] meanShape, List<String> use) {
        List<Sample> fitted = samples.stream().filter(s -> !s.kind().equals(DEGRADED)).toList();
        FeatureConfidence fc = fitFeatures(fitted, meanShape, use);
        ConfidenceCalibration c = fit(fitted);
        List<Sample> scored = new ArrayList<>(), degraded = new ArrayList<>();
        for (Sample s : samples) {
            Sample x = new Sample(s.kind(), fc.apply(s.features()), s.good());
            (s.kind().equals(DEGRADED) ? degraded : scored).add(x);
        }
        List<Sample> degradedRaw = samples.stream().filter(s -> s.kind().equals(DEGRADED)).toList();
        return new Result(fc, c, samples, auc(scored), auc(fitted), auc(degraded), auc(degradedRaw));
    }

    /** The several-feature logistic, rows weighted so that each kind present gets its {@link #SHARES} of the whole. */
    static FeatureConfidence fitFeatures(List<Sample> samples, float[] meanShape) { return fitFeatures(samples, meanShape, ConfidenceFeatures.NAMES); }

    /** Only the features named in {@code use} are fitted; the others keep weight 0 (mean 0, sd 1), so the v1 entry stays valid. */
    static FeatureConfidence fitFeatures(List<Sample> samples, float[] meanShape, List<String> use) {
        for (String u : use) if (!ConfidenceFeatures.NAMES.contains(u)) throw new IllegalArgumentException("no confidence feature " + u + "; known: " + ConfidenceFeatures.NAMES);
        int[] cols = java.util.stream.IntStream.range(0, ConfidenceFeatures.COUNT).filter(k -> use.contains(ConfidenceFeatures.NAMES.get(k))).toArray();
        if (cols.length == 0) throw new IllegalArgumentException("no confidence features to fit");
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Sample s : samples) counts.merge(s.kind(), 1L, Long::sum);
        double shareSum = counts.keySet().stream().mapToDouble(k -> SHARES.getOrDefault(k, 0.0)).sum();
        double[][] x = new double[samples.size()][];
        boolean[] y = new boolean[samples.size()];
        double[] w = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            x[i] = new double[cols.length];
            for (int c = 0; c < cols.length; c++) x[i][c] = s.features()[cols[c]];
            y[i] = s.good();
            // Kinds outside SHARES (none today) weigh as they come; weights average 1 over the rows.
            Double share = SHARES.get(s.kind());
            w[i] = share == null || shareSum == 0 ? 1 : share / shareSum * samples.size() / counts.get(s.kind());
        }
        LogisticFit.Model m = LogisticFit.fit(x, y, w, LAMBDA);
        double[] mean = new double[ConfidenceFeatures.COUNT], sd = new double[ConfidenceFeatures.COUNT], weights = new double[ConfidenceFeatures.COUNT];
        Arrays.fill(sd, 1);
        for (int c = 0; c < cols.length; c++) {
            mean[cols[c]] = m.mean()[c]; sd[cols[c]] = m.sd()[c]; weights[cols[c]] = m.weights()[c];
        }
        return new FeatureConfidence(mean, sd, weights, m.bias(), meanShape);
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

    /** Area under the ROC curve of the score for good against bad crops (rank statistic; ties count half). */
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
