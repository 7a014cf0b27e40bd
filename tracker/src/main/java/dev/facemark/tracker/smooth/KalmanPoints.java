package dev.facemark.tracker.smooth;

/**
 * A constant-velocity Kalman filter per coordinate: state (position, velocity), white acceleration
 * noise, the raw point as measurement. Noises scale with the face size.
 */
final class KalmanPoints implements LandmarkSmoother.PointFilter {
    private final double r, q;
    private final double[] x, v, p00, p01, p11;

    KalmanPoints(int points, SmoothingParams.Kalman p) {
        r = p.measurementNoise();
        q = p.accelerationNoise();
        int n = 2 * points;
        x = new double[n]; v = new double[n]; p00 = new double[n]; p01 = new double[n]; p11 = new double[n];
    }

    @Override public void start(float[] raw, double scale) {
        double rr = r * scale * r * scale;
        double vv = scale * scale; // a face size per second: the speed of a face is not known yet
        for (int i = 0; i < x.length; i++) {
            x[i] = raw[i];
            v[i] = 0;
            p00[i] = rr; p01[i] = 0; p11[i] = vv;
        }
    }

    @Override public void step(float[] raw, float[] out, double dt, double scale) {
        double rr = r * scale * r * scale;
        double qq = q * scale * q * scale;
        double q00 = qq * dt * dt * dt / 3, q01 = qq * dt * dt / 2, q11 = qq * dt;
        for (int i = 0; i < x.length; i++) {
            // predict
            double xp = x[i] + dt * v[i];
            double a00 = p00[i] + dt * (2 * p01[i] + dt * p11[i]) + q00;
            double a01 = p01[i] + dt * p11[i] + q01;
            double a11 = p11[i] + q11;
            // update with the measured position
            double s = a00 + rr;
            double k0 = a00 / s, k1 = a01 / s;
            double innov = raw[i] - xp;
            x[i] = xp + k0 * innov;
            v[i] += k1 * innov;
            p00[i] = (1 - k0) * a00;
            p01[i] = (1 - k0) * a01;
            p11[i] = a11 - k1 * a01;
            out[i] = (float) x[i];
        }
    }
}
