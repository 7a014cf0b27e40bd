package dev.facemark.trainer.train;

/**
 * Linear warmup from 0 to the base rate, then a cosine decay to {@code minFactor * base} at the last
 * step. A function of the global step only, so a resumed run continues on the same curve.
 */
public record LearningRateSchedule(float base, long warmupSteps, long totalSteps, float minFactor) {

    public float at(long step) {
        if (warmupSteps > 0 && step < warmupSteps) return base * (step + 1) / (float) warmupSteps;
        long span = Math.max(1, totalSteps - warmupSteps);
        double p = Math.min(1.0, (step - warmupSteps) / (double) span);
        double cos = 0.5 * (1 + Math.cos(Math.PI * p));
        return (float) (base * (minFactor + (1 - minFactor) * cos));
    }
}
