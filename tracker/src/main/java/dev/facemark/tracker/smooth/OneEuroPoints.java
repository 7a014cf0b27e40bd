package dev.facemark.tracker.smooth;

/** A {@link OneEuroFilter} per coordinate, speed in face sizes per second. */
final class OneEuroPoints implements LandmarkSmoother.PointFilter {
    private final OneEuroFilter[] filters;

    OneEuroPoints(int points, SmoothingParams.OneEuro p) {
        filters = new OneEuroFilter[2 * points];
        for (int i = 0; i < filters.length; i++) filters[i] = new OneEuroFilter(p.minCutoff(), p.beta(), p.dCutoff());
    }

    @Override public void start(float[] raw, double scale) {
        for (int i = 0; i < filters.length; i++) filters[i].start(raw[i]);
    }

    @Override public void step(float[] raw, float[] out, double dt, double scale) {
        for (int i = 0; i < filters.length; i++) out[i] = (float) filters[i].step(raw[i], dt, scale);
    }
}
