package dev.facemark.tracker.smooth;

import dev.facemark.tracker.filter.FaceTemplate;
import dev.facemark.tracker.tune.MotionScript;
import dev.facemark.tracker.tune.Recording;
import dev.facemark.tracker.tune.SmoothingReplay;
import dev.facemark.tracker.tune.SmoothingSearch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The default smoother on generated trajectories (no images, no model): a 68-point face moved by the
 * clip scripts of {@code tracker tune-smoothing}, its "raw" points the truth plus what a landmark
 * model adds: a fixed per-point error in the face's frame, per-point noise and a common wobble.
 */
class LandmarkSmootherTest {
    static final double IOD = 70;

    /** A clip whose raw points are the truth plus model-like errors (fractions of the inter-ocular distance). */
    static Recording.Clip synthetic(long seed, List<MotionScript.Part> parts, double bias, double pointNoise, double wobble) {
        MotionScript s = MotionScript.of(parts, 30, seed);
        Random rnd = new Random(seed);
        int n = FaceTemplate.MEAN_68.length;
        double[] fixed = new double[n];
        for (int i = 0; i < n; i++) fixed[i] = bias * rnd.nextGaussian();
        float[][] truth = new float[s.frames()][], raw = new float[s.frames()][];
        MotionScript.Segment[] seg = new MotionScript.Segment[s.frames()];
        int[] ids = new int[s.frames()];
        for (int f = 0; f < s.frames(); f++) {
            MotionScript.Pose p = s.pose(f);
            double k = IOD * p.scale(), c = Math.cos(Math.toRadians(p.rollDeg())), sn = Math.sin(Math.toRadians(p.rollDeg()));
            double wx = wobble * rnd.nextGaussian(), wy = wobble * rnd.nextGaussian();
            truth[f] = new float[n];
            raw[f] = new float[n];
            for (int i = 0; i < n; i += 2) {
                for (int withError = 0; withError < 2; withError++) {
                    double x = FaceTemplate.MEAN_68[i], y = FaceTemplate.MEAN_68[i + 1];
                    if (withError == 1) {
                        x += fixed[i] + pointNoise * rnd.nextGaussian() + wx;
                        y += fixed[i + 1] + pointNoise * rnd.nextGaussian() + wy;
                    }
                    float[] out = withError == 0 ? truth[f] : raw[f];
                    out[i] = (float) (320 + p.dx() + k * (c * x - sn * y));
                    out[i + 1] = (float) (240 + p.dy() + k * (sn * x + c * y));
                }
            }
            seg[f] = s.segment(f);
            ids[f] = 1;
        }
        return new Recording.Clip("synthetic-" + seed, 30, seg, truth, raw, ids);
    }

    static Recording synthetic(int clips) {
        List<Recording.Clip> c = new ArrayList<>();
        for (int i = 0; i < clips; i++) c.add(synthetic(100 + i, MotionScript.STANDARD, 0.04, 0.004, 0.003));
        return new Recording("synthetic", c);
    }

    @Test
    void theDefaultMeetsTheTargetsOnAGeneratedTrajectoryAndTheOldSettingsLag() {
        Recording rec = synthetic(3);
        SmoothingReplay.Score raw = SmoothingReplay.score(rec, SmoothingParams.OFF, true);
        SmoothingReplay.Score def = SmoothingReplay.score(rec, SmoothingParams.DEFAULT, true);
        SmoothingReplay.Score old = SmoothingReplay.score(rec, SmoothingParams.LEGACY, true);
        String table = "raw " + raw + "\ndefault " + def + "\nlegacy " + old;
        assertTrue(def.nmeFast() <= SmoothingSearch.MAX_FAST_RATIO * raw.nmeFast(), table);
        assertTrue(def.jitter() <= SmoothingSearch.MAX_JITTER_RATIO * raw.jitter(), table);
        assertTrue(def.nmeExpression() <= SmoothingSearch.MAX_FAST_RATIO * raw.nmeExpression(), "a moving mouth is followed\n" + table);
        assertTrue(def.lagFast() <= 0.5, table);
        assertTrue(SmoothingSearch.qualifies(def, raw), table);
        // what issue 15 found: the old One Euro settings lag in fast motion
        assertTrue(old.nmeFast() > SmoothingSearch.MAX_FAST_RATIO * raw.nmeFast(), table);
        assertTrue(old.lagFast() > def.lagFast(), table);
        assertEquals(0, raw.lagFast(), 0.05, "raw points do not lag: " + table);
    }

    /** The default before the dead zones (2026-12-02): rigid beta 15, shape beta 10, plain One Euro rule. */
    static final SmoothingParams BEFORE_DEAD_ZONES = new SmoothingParams.Aligned(0.1, 15, 6, 0.2, 10, 2);

    /**
     * A One Euro filter trails a moving input by about faceSize / (2 pi beta) whatever the speed, all
     * through a quick move: with beta 15 over 1% of the inter-ocular distance, the fast-motion cost
     * of the earlier default. The dead zones let the default use beta 60 and still hold a still face
     * at least as steady.
     */
    @Test
    void aQuickMoveIsFollowedClosely() {
        SmoothingParams.Aligned d = (SmoothingParams.Aligned) SmoothingParams.DEFAULT;
        SmoothingParams noDeadZones = new SmoothingParams.Aligned(d.rigidMinCutoff(), d.rigidBeta(), d.rigidDCutoff(), d.shapeMinCutoff(),
                d.shapeBeta(), d.shapeDCutoff());
        double[] before = moveLagAndJitter(BEFORE_DEAD_ZONES), now = moveLagAndJitter(d), open = moveLagAndJitter(noDeadZones);
        String table = String.format(java.util.Locale.ROOT, "lag in the move / still jitter (IOD): before %.4f / %.5f, now %.4f / %.5f, "
                + "now without dead zones %.4f / %.5f", before[0], before[1], now[0], now[1], open[0], open[1]);
        assertTrue(before[0] > 0.01, "the earlier default trails a quick move by over 1%: " + table);
        assertTrue(now[0] < 0.007, "the default trails it by under 0.7%: " + table);
        assertTrue(now[1] <= before[1], "and a still face is no less steady: " + table);
        assertTrue(open[1] > 1.5 * now[1], "which it owes to the dead zones: " + table);
    }

    /**
     * {mean distance (inter-ocular distances) by which the output's centroid trails the truth's along a
     * minimum-jerk move of 150 px in 0.45 s, jitter of the still face before it}; raw points: truth
     * plus per-point noise of 0.4% and a common wobble of 0.3% of the inter-ocular distance.
     */
    static double[] moveLagAndJitter(SmoothingParams p) {
        double lag = 0, jitter = 0;
        int moves = 0, stills = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Random rnd = new Random(seed);
            LandmarkSmoother s = new LandmarkSmoother(68, p);
            float[] out = new float[136];
            List<float[]> still = new ArrayList<>();
            int start = 60, len = 14;
            for (int f = 0; f < start + len + 30; f++) {
                double u = Math.max(0, Math.min(1, (f - start) / (double) len));
                double x = 200 + 150 * u * u * u * (10 - 15 * u + 6 * u * u);
                float[] truth = face(x, 240), raw = truth.clone();
                double wx = 0.003 * IOD * rnd.nextGaussian(), wy = 0.003 * IOD * rnd.nextGaussian();
                for (int i = 0; i < raw.length; i += 2) {
                    raw[i] += (float) (0.004 * IOD * rnd.nextGaussian() + wx);
                    raw[i + 1] += (float) (0.004 * IOD * rnd.nextGaussian() + wy);
                }
                s.apply(raw, out, f / 30.0, IOD * 1.3);
                if (f >= 15 && f < start) still.add(out.clone());
                if (f > start && f < start + len) {
                    lag += (centroidX(truth) - centroidX(out)) / IOD;
                    moves++;
                }
            }
            jitter += runJitter(still) / IOD;
            stills++;
        }
        return new double[] {lag / moves, jitter / stills};
    }

    /** Mean over points of each point's RMS distance from its mean position (SmoothingReplay's jitter), pixels. */
    private static double runJitter(List<float[]> frames) {
        int m = frames.get(0).length;
        double total = 0;
        for (int i = 0; i < m; i += 2) {
            double mx = 0, my = 0, s = 0;
            for (float[] q : frames) { mx += q[i]; my += q[i + 1]; }
            mx /= frames.size();
            my /= frames.size();
            for (float[] q : frames) s += (q[i] - mx) * (q[i] - mx) + (q[i + 1] - my) * (q[i + 1] - my);
            total += Math.sqrt(s / frames.size());
        }
        return total / (m / 2);
    }

    private static double centroidX(float[] p) {
        double x = 0;
        for (int i = 0; i < p.length; i += 2) x += p[i];
        return 2 * x / p.length;
    }

    @Test
    void aTimeGapOrTimeRunningBackwardsRestartsTheFilter() {
        float[] a = face(100, 100), b = face(300, 200), out = new float[a.length];
        for (SmoothingParams p : everyKind()) {
            LandmarkSmoother s = new LandmarkSmoother(68, p);
            for (int i = 0; i < 30; i++) s.apply(a, out, i / 30.0, 100);
            // just within the gap: filtered (not exactly the new points; the filters do not jump all the way)
            LandmarkSmoother t = copyRun(p, a);
            t.apply(b, out, 29 / 30.0 + LandmarkSmoother.MAX_GAP_SECONDS * 0.9, 100);
            assertNotEquals(b[0], out[0], 1e-4f, p.spelling() + " smooths across a short pause");
            // past the gap: the new points pass through
            s.apply(b, out, 29 / 30.0 + LandmarkSmoother.MAX_GAP_SECONDS + 0.01, 100);
            assertArrayEquals(b, out, p.spelling() + " after a gap");
            for (int i = 1; i < 10; i++) s.apply(b, out, 2 + i / 30.0, 100);
            // time backwards (a source restarted): restart too
            s.apply(a, out, 0.5, 100);
            assertArrayEquals(a, out, p.spelling() + " after time ran backwards");
        }
    }

    private static LandmarkSmoother copyRun(SmoothingParams p, float[] a) {
        LandmarkSmoother t = new LandmarkSmoother(68, p);
        float[] out = new float[a.length];
        for (int i = 0; i < 30; i++) t.apply(a, out, i / 30.0, 100);
        return t;
    }

    @Test
    void resetAndOffPassRawPointsThrough() {
        float[] a = face(100, 100), b = face(110, 100), out = new float[a.length];
        LandmarkSmoother s = new LandmarkSmoother(68, SmoothingParams.DEFAULT);
        s.apply(a, out, 0, 100);
        assertArrayEquals(a, out, "the first sample passes");
        s.apply(b, out, 1 / 30.0, 100);
        assertTrue(out[0] > a[0] && out[0] < b[0], "smoothed towards the new points: " + out[0]);
        s.reset();
        s.apply(b, out, 2 / 30.0, 100);
        assertArrayEquals(b, out, "after reset the first sample passes");
        LandmarkSmoother off = new LandmarkSmoother(68, SmoothingParams.OFF);
        off.apply(a, out, 0, 100);
        off.apply(b, out, 1 / 30.0, 100);
        assertArrayEquals(b, out);
        assertFalse(SmoothingParams.OFF.enabled());
        assertTrue(SmoothingParams.DEFAULT.enabled());
    }

    @Test
    void aStillFaceStaysPutAndTheSmootherIsScaleInvariant() {
        for (SmoothingParams p : everyKind()) {
            LandmarkSmoother one = new LandmarkSmoother(68, p), two = new LandmarkSmoother(68, p);
            float[] o1 = new float[136], o2 = new float[136];
            Random rnd = new Random(4);
            for (int f = 0; f < 90; f++) {
                double x = 200 + 60 * Math.sin(f / 6.0) + rnd.nextGaussian(), y = 150 + 2 * f + rnd.nextGaussian();
                float[] a = face(x, y), b = a.clone();
                for (int i = 0; i < b.length; i++) b[i] *= 2;
                one.apply(a, o1, f / 30.0, 100);
                two.apply(b, o2, f / 30.0, 200);
                for (int i = 0; i < o1.length; i++) assertEquals(2 * o1[i], o2[i], 2e-3 * Math.abs(o2[i]) + 1e-3, p.spelling() + " frame " + f);
            }
            LandmarkSmoother still = new LandmarkSmoother(68, p);
            float[] a = face(321, 123), out = new float[136];
            for (int f = 0; f < 30; f++) still.apply(a, out, f / 30.0, 100);
            assertArrayEquals(a, out, 1e-3f, p.spelling() + " holds a still face where it is");
        }
    }

    @Test
    void degeneratePointsStayFinite() {
        for (SmoothingParams p : everyKind()) {
            for (int points : new int[] {1, 2, 5, 58, 68}) {
                LandmarkSmoother s = new LandmarkSmoother(points, p);
                float[] same = new float[2 * points], out = new float[2 * points];
                java.util.Arrays.fill(same, 50f);
                for (int f = 0; f < 20; f++) {
                    float[] in = f % 5 == 4 ? same : moving(points, f);
                    s.apply(in, out, f / 30.0, f % 7 == 3 ? 0 : 40);
                    for (float v : out) assertTrue(Float.isFinite(v), p.spelling() + " " + points + " points, frame " + f);
                }
            }
        }
    }

    @Test
    void spellingsReadBackAndBadOnesAreNamed() {
        for (SmoothingParams p : SmoothingSearch.grid()) assertEquals(p, SmoothingParams.parse(p.spelling()));
        for (SmoothingParams p : everyKind()) assertEquals(p, SmoothingParams.parse(p.spelling()));
        assertEquals(SmoothingParams.DEFAULT, SmoothingParams.parse("default"));
        assertEquals(SmoothingParams.LEGACY, SmoothingParams.parse("one-euro:1.5,4,1"));
        assertEquals(SmoothingParams.DEFAULT, SmoothingParams.parse(SmoothingParams.DEFAULT.spelling()));
        assertEquals(BEFORE_DEAD_ZONES, SmoothingParams.parse("aligned:0.1,15,6,0.2,10,2,0,0"), "six numbers: no dead zones");
        assertEquals("aligned:0.1,15,6,0.2,10,2", BEFORE_DEAD_ZONES.spelling());
        for (String bad : new String[] {"blur", "one-euro:1,2", "velocity:2.5,3", "kalman:0,1", "aligned:1,2,3,4,5,x", "aligned:1,2,3,4,5,6,7",
                "aligned:1,2,3,4,5,6,-0.1,0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmoothingParams.parse(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    static List<SmoothingParams> everyKind() {
        return List.of(SmoothingParams.DEFAULT, SmoothingParams.LEGACY, new SmoothingParams.RelativeVelocity(5, 20),
                new SmoothingParams.Kalman(0.004, 0.3), new SmoothingParams.Aligned(0.5, 20, 3, 1, 10, 2),
                BEFORE_DEAD_ZONES, new SmoothingParams.Aligned(0.3, 120, 6, 0.5, 60, 5, 0.2, 0.05));
    }

    /** The mean face, 70 px between the outer eye corners, centred at (x, y). */
    static float[] face(double x, double y) {
        float[] f = new float[FaceTemplate.MEAN_68.length];
        for (int i = 0; i < f.length; i += 2) {
            f[i] = (float) (x + IOD * FaceTemplate.MEAN_68[i]);
            f[i + 1] = (float) (y + IOD * FaceTemplate.MEAN_68[i + 1]);
        }
        return f;
    }

    private static float[] moving(int points, int f) {
        float[] p = new float[2 * points];
        for (int i = 0; i < points; i++) {
            p[2 * i] = (float) (100 + 10 * Math.cos(i) + 3 * f);
            p[2 * i + 1] = (float) (100 + 10 * Math.sin(i));
        }
        return p;
    }
}
