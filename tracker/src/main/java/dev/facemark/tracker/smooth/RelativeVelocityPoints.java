package dev.facemark.tracker.smooth;

/**
 * MediaPipe's {@code RelativeVelocityFilter} (mediapipe/util/filtering/relative_velocity_filter.cc,
 * the default distance mode) per coordinate: the distance moved over the last frames, in face
 * sizes, divided by their duration, sets {@code alpha = 1 - 1 / (1 + velocityScale * |speed|)},
 * and the output is {@code alpha * value + (1 - alpha) * previous output}. As there, the window
 * holds at most {@code window} steps and no more than one 30 fps frame per step in time.
 */
final class RelativeVelocityPoints implements LandmarkSmoother.PointFilter {
    private static final double MAX_STEP = 1.0 / 30;
    private final int window;
    private final double velocityScale;
    private final double[] last, out;
    private final double[] distance; // [step][coordinate], a ring of the latest steps
    private final double[] duration;
    private int head, size;

    RelativeVelocityPoints(int points, SmoothingParams.RelativeVelocity p) {
        window = p.window();
        velocityScale = p.velocityScale();
        last = new double[2 * points];
        out = new double[2 * points];
        distance = new double[window * 2 * points];
        duration = new double[window];
    }

    @Override public void start(float[] raw, double scale) {
        for (int i = 0; i < last.length; i++) last[i] = out[i] = raw[i];
        size = 0;
    }

    @Override public void step(float[] raw, float[] o, double dt, double scale) {
        int n = last.length;
        double maxDuration = (1 + size) * MAX_STEP;
        int slot = (head + window - 1) % window; // where this step goes (the oldest, when full)
        for (int i = 0; i < n; i++) {
            double d = (raw[i] - last[i]) / scale;
            double cumD = d, cumT = dt;
            for (int k = 0; k < size; k++) {
                int s = (head + k) % window;
                if (cumT + duration[s] > maxDuration) break;
                cumD += distance[s * n + i];
                cumT += duration[s];
            }
            double speed = cumD / cumT;
            double alpha = 1.0 - 1.0 / (1.0 + velocityScale * Math.abs(speed));
            out[i] += alpha * (raw[i] - out[i]);
            distance[slot * n + i] = d;
            last[i] = raw[i];
            o[i] = (float) out[i];
        }
        duration[slot] = dt;
        head = slot; // newest first
        if (size < window) size++;
    }
}
