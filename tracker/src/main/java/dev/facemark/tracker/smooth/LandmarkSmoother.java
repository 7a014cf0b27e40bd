package dev.facemark.tracker.smooth;

/**
 * One Euro filters for every coordinate of one face's landmarks, with speeds measured in face sizes
 * per second. One per track; {@link #reset} when the track is re-seeded from the detector.
 */
public final class LandmarkSmoother {
    private final SmoothingParams params;
    private final OneEuroFilter[] filters;

    public LandmarkSmoother(int points, SmoothingParams params) {
        this.params = params;
        this.filters = new OneEuroFilter[2 * points];
        for (int i = 0; i < filters.length; i++) filters[i] = new OneEuroFilter(params.minCutoff(), params.beta(), params.dCutoff());
    }

    /** Smooths {@code raw} into {@code out} (may be the same array). {@code faceSize} in pixels. */
    public void apply(float[] raw, float[] out, double tSeconds, double faceSize) {
        if (!params.enabled()) {
            if (out != raw) System.arraycopy(raw, 0, out, 0, raw.length);
            return;
        }
        for (int i = 0; i < raw.length; i++) out[i] = (float) filters[i].filter(raw[i], tSeconds, faceSize);
    }

    public void reset() {
        for (OneEuroFilter f : filters) f.reset();
    }
}
