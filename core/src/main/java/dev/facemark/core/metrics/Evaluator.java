package dev.facemark.core.metrics;

import dev.facemark.core.points.PointScheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates predictions against ground truth, face by face, and builds an {@link EvaluationReport}
 * with per-subset breakdowns. Not thread-safe.
 */
public final class Evaluator {
    public static final double T08 = 0.08, T10 = 0.10;
    private final PointScheme scheme;
    private final List<Face> faces = new ArrayList<>();

    public Evaluator(PointScheme scheme) { this.scheme = scheme; }

    /** Per-face result: inter-ocular and inter-pupil NME and the normalised error of each point. */
    public record Face(String subset, double nme, double nmeInterPupil, double[] pointNme) { }

    /** Scores one face; points in any common pixel space (both in source pixels, say). */
    public Face add(String subset, float[] predicted, float[] groundTruth) {
        if (groundTruth.length != 2 * scheme.count()) {
            throw new IllegalArgumentException("ground truth has " + groundTruth.length / 2 + " points, scheme " + scheme + " needs " + scheme.count());
        }
        double io = Normalizer.INTER_OCULAR.distance(scheme, groundTruth);
        double ip = Normalizer.INTER_PUPIL.distance(scheme, groundTruth);
        double[] pe = LandmarkErrors.pointErrors(predicted, groundTruth);
        double sum = 0;
        for (int i = 0; i < pe.length; i++) { sum += pe[i]; pe[i] /= io; }
        double mean = sum / pe.length;
        Face f = new Face(subset, mean / io, mean / ip, pe);
        faces.add(f);
        return f;
    }

    public List<Face> faces() { return List.copyOf(faces); }

    /** The report over all faces, with a breakdown when there is more than one subset. */
    public EvaluationReport report() {
        Map<String, List<Face>> by = new LinkedHashMap<>();
        for (Face f : faces) by.computeIfAbsent(f.subset(), k -> new ArrayList<>()).add(f);
        Map<String, EvaluationReport> subs = new LinkedHashMap<>();
        if (by.size() > 1) for (var e : by.entrySet()) subs.put(e.getKey(), report(e.getValue(), Map.of()));
        return report(faces, subs);
    }

    /** Builds a report from per-face results. */
    public static EvaluationReport report(List<Face> fs, Map<String, EvaluationReport> subsets) {
        int n = fs.size();
        double[] io = new double[n];
        double ip = 0;
        int points = n == 0 ? 0 : fs.get(0).pointNme().length;
        double[] perPoint = new double[points];
        for (int i = 0; i < n; i++) {
            Face f = fs.get(i);
            io[i] = f.nme();
            ip += f.nmeInterPupil();
            for (int p = 0; p < points; p++) perPoint[p] += f.pointNme()[p] / n;
        }
        CedCurve ced = new CedCurve(io);
        return new EvaluationReport(n, ced.mean(), ced.median(), n == 0 ? Double.NaN : ip / n,
                n == 0 ? Double.NaN : ced.auc(T08), ced.failureRate(T08),
                n == 0 ? Double.NaN : ced.auc(T10), ced.failureRate(T10),
                perPoint, ced.sample(T10, 100), subsets);
    }
}
