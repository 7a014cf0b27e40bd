package dev.facemark.tracker.tune;

import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.metrics.LandmarkErrors;
import dev.facemark.core.metrics.Normalizer;
import dev.facemark.core.points.Ibug68;
import dev.facemark.core.points.PointScheme;
import dev.facemark.tracker.filter.FaceTemplate;
import dev.facemark.tracker.smooth.LandmarkSmoother;
import dev.facemark.tracker.smooth.SmoothingParams;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays a smoother over a {@link Recording} of raw tracker points, as the tracker would run it
 * (one {@link LandmarkSmoother} per track id, reset after frames without the face, which is when
 * the tracker re-seeds a track from the detector; face scale = square root of the raw landmark
 * box's area), and scores the output against the ground truth, on the frames where the tracker
 * had the face: frames whose raw points miss it (raw NME above {@link #FAILURE}, the tracker drifted
 * off the face in a fast move) are left out of every number, as no smoother can make them right and
 * their huge errors would drown the differences between smoothers:
 * <ul>
 *   <li>NME (core's inter-ocular NME, {@link LandmarkErrors#nme}) per segment kind;</li>
 *   <li>jitter: in still segments, from {@value #SETTLE_SECONDS} s after they begin, each point's
 *       RMS distance from its own mean position, averaged over the points, in inter-ocular
 *       distances (the steadiness of a still face, whatever its bias);</li>
 *   <li>lag, in frames: the delay d that minimises the mean distance between the output at frame f
 *       and the truth at frame f - d (interpolated) over the fast segments;</li>
 *   <li>an expression check: rigid clips cannot change expression, so in a second replay the
 *       still segments get a known mouth movement (jaw and lower lip down by 0.3 inter-ocular
 *       distances and back, 0.15 s each way, as in talking) added to raw points and truth alike;
 *       its NME and lag show whether a smoother holds a moving mouth back. Unsmoothed, the
 *       movement changes nothing (raw and truth move together).</li>
 * </ul>
 */
public final class SmoothingReplay {
    public static final double SETTLE_SECONDS = 0.5;
    /** Raw NME above this (20% of the inter-ocular distance) is a tracking failure, not a smoothing matter. */
    public static final double FAILURE = 0.2;
    private static final PointScheme SCHEME = PointScheme.IBUG_68;
    // The mouth movement: open, hold, close, rest (seconds); amplitude in inter-ocular distances.
    private static final double OPEN = 0.15, HOLD = 0.2, CLOSE = 0.15, REST = 0.4, MOUTH = 0.3;
    private static final double[] MOUTH_WEIGHTS = mouthWeights();

    private SmoothingReplay() {}

    /**
     * Scores of one smoother. NMEs and jitter are fractions of the inter-ocular distance (0.01 = 1%);
     * lags in frames (NaN unless asked for).
     */
    public record Score(String smoothing, double nmeStill, double nmeSmooth, double nmeFast, double jitter, double lagFast,
                        double nmeExpression, double lagExpression, int frames, int found, int failures) { }

    /** Scores {@code params} on {@code rec}; {@code withLag} also estimates the lags (slower). */
    public static Score score(Recording rec, SmoothingParams params, boolean withLag) {
        double[] nme = new double[3];
        int[] count = new int[3];
        double jitSum = 0, exprSum = 0;
        int jitFrames = 0, exprFrames = 0, frames = 0, found = 0, failures = 0;
        List<float[][]> outs = new ArrayList<>(), exprOuts = new ArrayList<>(), exprTruths = new ArrayList<>();
        List<boolean[]> exprMasks = new ArrayList<>();
        List<boolean[]> counted = new ArrayList<>();
        for (Recording.Clip c : rec.clips()) {
            float[][] out = replay(c, c.raw(), params);
            boolean[] ok = tracked(c);
            counted.add(ok);
            frames += c.frames();
            for (int f = 0; f < c.frames(); f++) {
                if (out[f] == null) continue;
                found++;
                if (!ok[f]) { failures++; continue; }
                int k = c.segments()[f].ordinal();
                nme[k] += nme(out[f], c.truth()[f]);
                count[k]++;
            }
            double[] j = jitter(c, out, ok);
            jitSum += j[0];
            jitFrames += (int) j[1];
            // the expression replay
            boolean[] mask = new boolean[c.frames()];
            float[][] truthX = new float[c.frames()][], rawX = new float[c.frames()][];
            mouth(c, mask, truthX, rawX);
            float[][] outX = replay(c, rawX, params);
            for (int f = 0; f < c.frames(); f++) {
                if (!ok[f]) mask[f] = false;
                if (!mask[f] || outX[f] == null) continue;
                exprSum += nme(outX[f], truthX[f]);
                exprFrames++;
            }
            outs.add(out);
            exprOuts.add(outX);
            exprTruths.add(truthX);
            exprMasks.add(mask);
        }
        double lag = Double.NaN, lagX = Double.NaN;
        if (withLag) {
            List<boolean[]> fastMasks = new ArrayList<>();
            List<float[][]> truths = new ArrayList<>();
            for (int i = 0; i < rec.clips().size(); i++) {
                Recording.Clip c = rec.clips().get(i);
                boolean[] m = new boolean[c.frames()];
                for (int f = 0; f < m.length; f++) m[f] = c.segments()[f] == MotionScript.Segment.FAST && counted.get(i)[f];
                fastMasks.add(m);
                truths.add(c.truth());
            }
            lag = lag(outs, truths, fastMasks);
            lagX = lag(exprOuts, exprTruths, exprMasks);
        }
        return new Score(params.spelling(), nme[0] / count[0], nme[1] / count[1], nme[2] / count[2], jitSum / jitFrames, lag,
                exprSum / exprFrames, lagX, frames, found, failures);
    }

    /** The smoother's output for every frame of a clip (null where there was no face), raw points {@code raw}. */
    static float[][] replay(Recording.Clip c, float[][] raw, SmoothingParams params) {
        float[][] out = new float[c.frames()][];
        LandmarkSmoother smoother = null;
        int lastFound = -2, lastId = Integer.MIN_VALUE;
        for (int f = 0; f < c.frames(); f++) {
            float[] r = raw[f];
            if (r == null) continue;
            if (smoother == null || c.trackIds()[f] != lastId) smoother = new LandmarkSmoother(r.length / 2, params);
            else if (lastFound != f - 1) smoother.reset(); // the tracker re-seeds a track found again
            lastId = c.trackIds()[f];
            lastFound = f;
            FaceBox box = FaceBox.ofPoints(r);
            out[f] = new float[r.length];
            smoother.apply(r, out[f], c.time(f), Math.sqrt(box.w() * box.h()));
        }
        return out;
    }

    static double nme(float[] pred, float[] truth) {
        return LandmarkErrors.nme(pred, truth, Normalizer.INTER_OCULAR.distance(SCHEME, truth));
    }

    /** Frames where the tracker had the face: raw points found and within {@link #FAILURE} of the truth. */
    static boolean[] tracked(Recording.Clip c) {
        boolean[] ok = new boolean[c.frames()];
        for (int f = 0; f < ok.length; f++) ok[f] = c.raw()[f] != null && nme(c.raw()[f], c.truth()[f]) <= FAILURE;
        return ok;
    }

    /** {sum over still runs of jitter * frames, frames}. */
    static double[] jitter(Recording.Clip c, float[][] out, boolean[] ok) {
        int settle = (int) Math.round(SETTLE_SECONDS * c.fps());
        double sum = 0;
        int frames = 0;
        int f = 0, n = c.frames();
        while (f < n) {
            if (c.segments()[f] != MotionScript.Segment.STILL) { f++; continue; }
            int start = f;
            while (f < n && c.segments()[f] == MotionScript.Segment.STILL) f++;
            List<float[]> run = new ArrayList<>();
            for (int g = start + settle; g < f; g++) if (out[g] != null && ok[g]) run.add(out[g]);
            if (run.size() < 10) continue;
            double iod = Normalizer.INTER_OCULAR.distance(SCHEME, c.truth()[start + settle]);
            sum += runJitter(run) / iod * run.size();
            frames += run.size();
        }
        return new double[] {sum, frames};
    }

    /** Mean over points of each point's RMS distance from its mean over the frames, pixels. */
    static double runJitter(List<float[]> frames) {
        int m = frames.get(0).length;
        double[] mean = new double[m];
        for (float[] p : frames) for (int i = 0; i < m; i++) mean[i] += p[i];
        for (int i = 0; i < m; i++) mean[i] /= frames.size();
        double total = 0;
        for (int i = 0; i < m; i += 2) {
            double s = 0;
            for (float[] p : frames) {
                double dx = p[i] - mean[i], dy = p[i + 1] - mean[i + 1];
                s += dx * dx + dy * dy;
            }
            total += Math.sqrt(s / frames.size());
        }
        return total / (m / 2);
    }

    /** Fills the expression replay's truth and raw points (mask: frames of a mouth movement). */
    private static void mouth(Recording.Clip c, boolean[] mask, float[][] truth, float[][] raw) {
        int n = c.frames();
        double cycle = OPEN + HOLD + CLOSE + REST;
        int f = 0;
        while (f < n) {
            truth[f] = c.truth()[f];
            raw[f] = c.raw()[f];
            if (c.segments()[f] != MotionScript.Segment.STILL) { f++; continue; }
            int start = f, end = f;
            while (end < n && c.segments()[end] == MotionScript.Segment.STILL) end++;
            double t0 = c.time(start) + SETTLE_SECONDS, tEnd = c.time(end - 1);
            int cycles = (int) Math.floor((tEnd - t0) / cycle);
            for (; f < end; f++) {
                truth[f] = c.truth()[f];
                raw[f] = c.raw()[f];
                double t = c.time(f) - t0;
                if (t < 0 || t >= cycles * cycle) continue;
                double u = t % cycle, open;
                if (u < OPEN) open = minJerk(u / OPEN);
                else if (u < OPEN + HOLD) open = 1;
                else if (u < OPEN + HOLD + CLOSE) open = 1 - minJerk((u - OPEN - HOLD) / CLOSE);
                else open = 0;
                mask[f] = true;
                float[] g = c.truth()[f];
                int[] eyes = SCHEME.outerEyeCorners();
                double ex = g[2 * eyes[1]] - g[2 * eyes[0]], ey = g[2 * eyes[1] + 1] - g[2 * eyes[0] + 1];
                double iod = Math.hypot(ex, ey);
                double downX = -ey / iod, downY = ex / iod; // perpendicular to the eye line, towards the chin
                double amp = open * MOUTH * iod;
                truth[f] = move(g, amp, downX, downY);
                raw[f] = c.raw()[f] == null ? null : move(c.raw()[f], amp, downX, downY);
            }
        }
    }

    private static float[] move(float[] p, double amp, double downX, double downY) {
        float[] q = p.clone();
        for (int i = 0; i < MOUTH_WEIGHTS.length; i++) {
            q[2 * i] += (float) (MOUTH_WEIGHTS[i] * amp * downX);
            q[2 * i + 1] += (float) (MOUTH_WEIGHTS[i] * amp * downY);
        }
        return q;
    }

    /**
     * How far each iBUG point goes when the mouth opens, from the mean face: lip points below the line
     * through the mouth corners fully, the corners half, the rest of the lips not; jaw points
     * in proportion to how far below the mouth corners they are, the chin fully.
     */
    private static double[] mouthWeights() {
        float[] mean = FaceTemplate.MEAN_68;
        double corners = (Ibug68.y(mean, Ibug68.MOUTH_RIGHT) + Ibug68.y(mean, Ibug68.MOUTH_LEFT)) / 2;
        double chin = Ibug68.y(mean, Ibug68.CHIN);
        double[] w = new double[SCHEME.count()];
        for (String lips : new String[] {"outer_lip", "inner_lip"}) {
            for (int i : Ibug68.group(lips)) {
                double below = Ibug68.y(mean, i) - corners;
                w[i] = below > 0.03 ? 1 : 0;
            }
        }
        w[Ibug68.MOUTH_RIGHT] = w[Ibug68.MOUTH_LEFT] = 0.5;
        for (int i : Ibug68.group("jaw")) w[i] = Math.max(0, Math.min(1, (Ibug68.y(mean, i) - corners) / (chin - corners)));
        return w;
    }

    private static double minJerk(double u) { return u * u * u * (10 - 15 * u + 6 * u * u); }

    /** The delay in frames (-2 to 8, to 0.02) that best aligns the outputs to the truth over the masked frames. */
    static double lag(List<float[][]> outs, List<float[][]> truths, List<boolean[]> masks) {
        double best = 0, bestE = Double.MAX_VALUE;
        for (double d = -2; d <= 8 + 1e-9; d += 0.25) {
            double e = alignError(outs, truths, masks, d);
            if (e < bestE) { bestE = e; best = d; }
        }
        double lo = best - 0.25, hi = best + 0.25;
        for (double d = lo; d <= hi + 1e-9; d += 0.02) {
            double e = alignError(outs, truths, masks, d);
            if (e < bestE) { bestE = e; best = d; }
        }
        return best;
    }

    private static double alignError(List<float[][]> outs, List<float[][]> truths, List<boolean[]> masks, double d) {
        double sum = 0;
        int count = 0;
        int[] eyes = SCHEME.outerEyeCorners();
        for (int c = 0; c < outs.size(); c++) {
            float[][] out = outs.get(c), truth = truths.get(c);
            boolean[] m = masks.get(c);
            for (int f = 0; f < out.length; f++) {
                if (!m[f] || out[f] == null) continue;
                double t = f - d;
                if (t < 0 || t > out.length - 1) continue;
                int f0 = (int) Math.floor(t), f1 = Math.min(out.length - 1, f0 + 1);
                double w = t - f0;
                float[] a = truth[f0], b = truth[f1], o = out[f];
                double err = 0;
                for (int i = 0; i < o.length; i += 2) {
                    double gx = a[i] + w * (b[i] - a[i]), gy = a[i + 1] + w * (b[i + 1] - a[i + 1]);
                    err += Math.hypot(o[i] - gx, o[i + 1] - gy);
                }
                double iod = Math.hypot(a[2 * eyes[1]] - a[2 * eyes[0]], a[2 * eyes[1] + 1] - a[2 * eyes[0] + 1]);
                sum += err / (o.length / 2) / iod;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
