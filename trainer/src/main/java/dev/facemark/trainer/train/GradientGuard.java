package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

import java.util.List;

/**
 * Decides, after each backward pass, whether the optimiser may step: a non-finite loss or gradient skips the
 * step (the gradients are then cleared), a gradient whose global L2 norm exceeds {@code maxNorm} is scaled down
 * to it. Only a run of {@code maxConsecutiveSkips} bad steps in a row stops training, because one bad batch
 * (a freak augmentation, a kernel hiccup) should not end a run of many hours.
 */
public final class GradientGuard {
    /** Global-norm threshold for regression heads when {@code --clip-grad} is left on auto. */
    public static final float AUTO_COORDINATE_NORM = 5f;
    public static final int DEFAULT_MAX_CONSECUTIVE_SKIPS = 10;

    /** What happened to one step. */
    public enum Outcome { STEP, CLIPPED, SKIPPED }

    /** Thrown when bad steps keep coming. */
    public static final class DivergedException extends RuntimeException {
        DivergedException(String message) { super(message); }
    }

    private final float maxNorm;
    private final int maxConsecutiveSkips;
    private int consecutive;
    private long skipped, clipped;

    /** @param maxNorm global gradient norm limit, 0 = no clipping */
    public GradientGuard(float maxNorm, int maxConsecutiveSkips) {
        if (maxNorm < 0 || maxConsecutiveSkips < 1) throw new IllegalArgumentException("maxNorm >= 0 and maxConsecutiveSkips >= 1");
        this.maxNorm = maxNorm;
        this.maxConsecutiveSkips = maxConsecutiveSkips;
    }

    /** {@code --clip-grad}: negative = auto (on for coordinate regression, off for heatmaps), 0 = off. */
    public static float resolveNorm(float option, boolean coordinateHead) {
        return option < 0 ? (coordinateHead ? AUTO_COORDINATE_NORM : 0f) : option;
    }

    /** Checks the step's loss and gradients, clipping them in place when needed. */
    public Outcome check(float loss, List<NDArray> gradients) {
        double norm = Float.isFinite(loss) ? globalNorm(gradients) : Double.NaN;
        if (!Double.isFinite(norm)) {
            skipped++;
            if (++consecutive >= maxConsecutiveSkips) {
                throw new DivergedException("loss or gradient was not finite in " + consecutive + " steps in a row");
            }
            return Outcome.SKIPPED;
        }
        consecutive = 0;
        if (maxNorm > 0 && norm > maxNorm) {
            float s = (float) (maxNorm / norm);
            for (NDArray g : gradients) g.muli(s);
            clipped++;
            return Outcome.CLIPPED;
        }
        return Outcome.STEP;
    }

    public long skipped() { return skipped; }
    public long clipped() { return clipped; }
    public float maxNorm() { return maxNorm; }

    static double globalNorm(List<NDArray> gradients) {
        if (gradients.isEmpty()) return 0;
        // One read back for all parameters, not one each.
        NDList sums = new NDList(gradients.size());
        try {
            for (NDArray g : gradients) {
                try (NDArray sq = g.square()) { sums.add(sq.sum()); }
            }
            try (NDArray all = NDArrays.stack(sums); NDArray total = all.sum()) { return Math.sqrt(total.getFloat()); }
        } finally {
            sums.close();
        }
    }
}
