package dev.facemark.tracker.tune;

import dev.facemark.tracker.smooth.SmoothingParams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The candidates {@code tracker tune-smoothing} tries and how it picks one. A candidate qualifies
 * when, against the unsmoothed points on the same clips, its fast-motion NME is at most
 * {@link #MAX_FAST_RATIO} times, its still jitter at most {@link #MAX_JITTER_RATIO} times, and its
 * NME on the mouth-movement check at most {@link #MAX_FAST_RATIO} times (so that a smoother that
 * is steady only because it holds expressions back does not qualify); of those, the one with the
 * lowest {@link #cost}.
 */
public final class SmoothingSearch {
    public static final double MAX_FAST_RATIO = 1.1, MAX_JITTER_RATIO = 0.5;
    /** The NME share of {@link #cost}: 5% above the unsmoothed NME, half the target's 10%. */
    public static final double NME_BUDGET = 0.05;
    /**
     * The fast-motion NME share of {@link #cost}: 1% above the unsmoothed NME. Issue 15 wants the
     * tracker's fast-motion NME within 1.15x its still NME ({@code tracker motion-score}), and the
     * unsmoothed tracker is already at about 1.13x on these clips, which leaves the smoother about 1%.
     */
    public static final double FAST_NME_BUDGET = 0.01;

    private SmoothingSearch() {}

    /** The grid: each family around its published or previous settings. */
    public static List<SmoothingParams> grid() {
        List<SmoothingParams> c = new ArrayList<>();
        c.add(SmoothingParams.LEGACY);
        for (double min : new double[] {0.3, 0.7, 1.5, 3})
            for (double beta : new double[] {4, 15, 40, 100, 250})
                for (double d : new double[] {1, 3, 8})
                    c.add(new SmoothingParams.OneEuro(min, beta, d));
        for (int w : new int[] {1, 3, 5, 8, 12})
            for (double s : new double[] {3, 5, 10, 20, 40, 80})
                c.add(new SmoothingParams.RelativeVelocity(w, s));
        for (double r : new double[] {0.002, 0.004, 0.008, 0.016})
            for (double q : new double[] {0.03, 0.1, 0.3, 1, 3})
                c.add(new SmoothingParams.Kalman(r, q));
        for (double rMin : new double[] {0.1, 0.3, 1})
            for (double rBeta : new double[] {8, 15, 30, 60})
                for (double rD : new double[] {2, 6})
                    for (double sMin : new double[] {0.2, 0.5, 1.5})
                        for (double sBeta : new double[] {5, 10, 30})
                            for (double sD : new double[] {2, 5})
                                c.add(new SmoothingParams.Aligned(rMin, rBeta, rD, sMin, sBeta, sD));
        // with dead zones, which keep a still face at the min cutoff and so allow larger betas (less lag in motion)
        for (double rMin : new double[] {0.1, 0.3})
            for (double rBeta : new double[] {30, 60, 120})
                for (double rD : new double[] {2, 6})
                    for (double rDead : new double[] {0.05, 0.1, 0.2})
                        for (double sMin : new double[] {0.2, 0.5})
                            for (double sBeta : new double[] {10, 30, 60})
                                for (double sD : new double[] {2, 5})
                                    for (double sDead : new double[] {0, 0.05, 0.1})
                                        c.add(new SmoothingParams.Aligned(rMin, rBeta, rD, sMin, sBeta, sD, rDead, sDead));
        return c;
    }

    /** The family of a candidate: the word before the colon of its spelling. */
    public static String family(SmoothingParams p) {
        String s = p.spelling();
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }

    public static boolean qualifies(SmoothingReplay.Score s, SmoothingReplay.Score raw) {
        return s.nmeFast() <= MAX_FAST_RATIO * raw.nmeFast() && s.jitter() <= MAX_JITTER_RATIO * raw.jitter()
                && s.nmeExpression() <= MAX_FAST_RATIO * raw.nmeExpression();
    }

    /**
     * Lower is better: the largest share of a budget the candidate uses, over NME in the still, smooth
     * and fast segments and on the mouth movement, and still jitter. The NME budget is
     * {@link #NME_BUDGET} above the unsmoothed NME, half of what the target allows, because NME ratios
     * vary more from one set of clips to another than jitter ratios do (the user's clips are not
     * these); in fast motion it is {@link #FAST_NME_BUDGET}, what issue 15's fast-over-still target
     * leaves the smoother. The jitter budget is the target, {@link #MAX_JITTER_RATIO} of the
     * unsmoothed jitter. So the pick keeps a margin on every target instead of buying steadiness with
     * lag or the reverse.
     */
    public static double cost(SmoothingReplay.Score s, SmoothingReplay.Score raw) {
        double worst = s.jitter() / raw.jitter() / MAX_JITTER_RATIO;
        worst = Math.max(worst, (s.nmeFast() / raw.nmeFast() - 1) / FAST_NME_BUDGET);
        worst = Math.max(worst, (s.nmeExpression() / raw.nmeExpression() - 1) / NME_BUDGET);
        worst = Math.max(worst, (s.nmeStill() / raw.nmeStill() - 1) / NME_BUDGET);
        if (!Double.isNaN(raw.nmeSmooth())) worst = Math.max(worst, (s.nmeSmooth() / raw.nmeSmooth() - 1) / NME_BUDGET);
        return worst;
    }

    /** The qualifying score of lowest cost; else the lowest cost of all. */
    public static SmoothingReplay.Score best(List<SmoothingReplay.Score> scores, SmoothingReplay.Score raw) {
        Comparator<SmoothingReplay.Score> byCost = Comparator.comparingDouble(s -> cost(s, raw));
        return scores.stream().filter(s -> qualifies(s, raw)).min(byCost)
                .orElseGet(() -> scores.stream().min(byCost).orElseThrow());
    }
}
