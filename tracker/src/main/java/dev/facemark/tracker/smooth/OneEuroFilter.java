package dev.facemark.tracker.smooth;

/**
 * The 1-euro filter (Casiez, Roussel and Vogel, CHI 2012): a low-pass filter whose cutoff rises
 * with speed, so a still face does not jitter and a moving one does not lag.
 * cutoff = minCutoff + beta * |speed|; alpha = 1 / (1 + tau / dt) with tau = 1 / (2 pi cutoff).
 *
 * <p>Scale-invariant use: {@link #filter(double, double, double)} measures speed in units of
 * {@code scale} (the face size), so the same beta works for a near and a far face.
 */
public final class OneEuroFilter {
    /** The time step assumed for repeated or unknown timestamps (images): one video frame. */
    static final double DEFAULT_DT = 1.0 / 30;
    private final double minCutoff, beta, dCutoff;
    private double x, dx, lastT;
    private boolean started;

    /**
     * @param minCutoff Hz; lower = smoother when still
     * @param beta      speed coefficient; higher = less lag when moving
     * @param dCutoff   Hz, cutoff of the speed estimate
     */
    public OneEuroFilter(double minCutoff, double beta, double dCutoff) {
        if (!(minCutoff > 0) || !(beta >= 0) || !(dCutoff > 0)) throw new IllegalArgumentException("need minCutoff > 0, beta >= 0, dCutoff > 0");
        this.minCutoff = minCutoff;
        this.beta = beta;
        this.dCutoff = dCutoff;
    }

    public double filter(double value, double tSeconds) { return filter(value, tSeconds, 1.0); }

    /** Filters {@code value} observed at time {@code tSeconds}; speed for the cutoff is in units of {@code scale} per second. */
    public double filter(double value, double tSeconds, double scale) {
        if (!started) {
            lastT = tSeconds;
            return start(value);
        }
        double dt = tSeconds - lastT;
        if (!(dt > 0)) dt = DEFAULT_DT;
        lastT = tSeconds;
        return step(value, dt, scale);
    }

    /** First sample: passed through. */
    double start(double value) {
        started = true;
        x = value;
        dx = 0;
        return value;
    }

    /** One step of {@code dt > 0} seconds after the previous sample. */
    double step(double value, double dt, double scale) {
        double rawDx = (value - x) / dt;
        dx += alpha(dCutoff, dt) * (rawDx - dx);
        double cutoff = minCutoff + beta * Math.abs(dx) / Math.max(scale, 1e-9);
        x += alpha(cutoff, dt) * (value - x);
        return x;
    }

    /** The smoothing factor of a first-order low-pass filter of {@code cutoff} Hz over {@code dt} seconds. */
    static double alpha(double cutoff, double dt) {
        double tau = 1.0 / (2 * Math.PI * cutoff);
        return 1.0 / (1.0 + tau / dt);
    }

    public void reset() { started = false; }
    public boolean started() { return started; }
}
