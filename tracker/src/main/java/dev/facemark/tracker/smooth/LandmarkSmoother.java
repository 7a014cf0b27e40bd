package dev.facemark.tracker.smooth;

/**
 * Smooths one face's landmarks over time with the filter its {@link SmoothingParams} name. One per
 * track; {@link #reset} when the track is re-seeded from the detector.
 *
 * <p>It also resets itself when the time between two samples exceeds {@link #MAX_GAP_SECONDS}
 * (a stalled stream, a face found again after frames without it) or runs backwards: the face
 * may be anywhere by then, and a filter carried across the gap would drag the points there slowly.
 * Repeated or unknown timestamps count as one 30 fps frame.
 */
public final class LandmarkSmoother {
    /** A longer pause between two samples restarts the filter. */
    public static final double MAX_GAP_SECONDS = 0.5;

    private final SmoothingParams params;
    private final PointFilter filter; // null when off
    private double lastT;
    private boolean started;

    public LandmarkSmoother(int points, SmoothingParams params) {
        if (points < 1) throw new IllegalArgumentException("need at least one point");
        this.params = params;
        if (params instanceof SmoothingParams.OneEuro p) filter = new OneEuroPoints(points, p);
        else if (params instanceof SmoothingParams.RelativeVelocity p) filter = new RelativeVelocityPoints(points, p);
        else if (params instanceof SmoothingParams.Kalman p) filter = new KalmanPoints(points, p);
        else if (params instanceof SmoothingParams.Aligned p) filter = new AlignedPoints(points, p);
        else filter = null;
    }

    /**
     * Smooths {@code raw} into {@code out} (may be the same array). {@code faceScale} is the face's
     * size in pixels (the tracker passes the square root of its landmark box's area).
     */
    public void apply(float[] raw, float[] out, double tSeconds, double faceScale) {
        if (filter == null) {
            if (out != raw) System.arraycopy(raw, 0, out, 0, raw.length);
            return;
        }
        double scale = faceScale > 1e-6 ? faceScale : 1e-6;
        double dt = tSeconds - lastT;
        if (started && (dt > MAX_GAP_SECONDS || dt < -1e-9)) started = false;
        if (!started) {
            started = true;
            lastT = tSeconds;
            filter.start(raw, scale);
            if (out != raw) System.arraycopy(raw, 0, out, 0, raw.length);
            return;
        }
        if (!(dt > 0)) dt = OneEuroFilter.DEFAULT_DT;
        lastT = tSeconds;
        filter.step(raw, out, dt, scale);
    }

    /** Forgets the past: the next sample is passed through and starts the filter afresh. */
    public void reset() { started = false; }

    public SmoothingParams params() { return params; }

    /** One face's filter state; the smoother owns the clock. */
    interface PointFilter {
        /** The first sample of a run (passed through by the caller). */
        void start(float[] raw, double scale);

        /** A sample {@code dt > 0} seconds after the previous one; writes the smoothed points (out may be raw). */
        void step(float[] raw, float[] out, double dt, double scale);
    }
}
