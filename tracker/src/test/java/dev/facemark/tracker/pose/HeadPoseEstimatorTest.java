package dev.facemark.tracker.pose;

import dev.facemark.tracker.face.HeadPose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HeadPoseEstimatorTest {

    /** Projects the mean face rotated by R = Rz(roll) Ry(yaw) Rx(pitch) at distance z into 68-point slots. */
    static float[] project(double yawDeg, double pitchDeg, double rollDeg, double tx, double z, int w, int h) {
        double y = Math.toRadians(yawDeg), p = Math.toRadians(pitchDeg), r = Math.toRadians(rollDeg);
        double[][] rx = {{1, 0, 0}, {0, Math.cos(p), -Math.sin(p)}, {0, Math.sin(p), Math.cos(p)}};
        double[][] ry = {{Math.cos(y), 0, Math.sin(y)}, {0, 1, 0}, {-Math.sin(y), 0, Math.cos(y)}};
        double[][] rz = {{Math.cos(r), -Math.sin(r), 0}, {Math.sin(r), Math.cos(r), 0}, {0, 0, 1}};
        double[][] m = mul(rz, mul(ry, rx));
        float[] xy = new float[136];
        double f = w, cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        for (int i = 0; i < 6; i++) {
            double[] q = new double[3];
            for (int k = 0; k < 3; k++) {
                q[k] = m[k][0] * MeanFace3D.POINTS[3 * i] + m[k][1] * MeanFace3D.POINTS[3 * i + 1] + m[k][2] * MeanFace3D.POINTS[3 * i + 2];
            }
            q[0] += tx; q[2] += z;
            int idx = MeanFace3D.IBUG_INDICES[i];
            xy[2 * idx] = (float) (f * q[0] / q[2] + cx);
            xy[2 * idx + 1] = (float) (f * q[1] / q[2] + cy);
        }
        return xy;
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    @Test
    void recoversKnownYawPitchRollAndDistance() {
        try (HeadPoseEstimator e = new HeadPoseEstimator()) {
            double[][] cases = {{0, 0, 0}, {25, 0, 0}, {-20, 10, 0}, {10, -15, 12}};
            for (double[] c : cases) {
                HeadPose p = e.estimate(project(c[0], c[1], c[2], 20, 600, 640, 480), 640, 480);
                assertNotNull(p);
                assertEquals(c[0], p.yaw(), 1.0, "yaw of " + java.util.Arrays.toString(c));
                assertEquals(c[1], p.pitch(), 1.0, "pitch of " + java.util.Arrays.toString(c));
                assertEquals(c[2], p.roll(), 1.0, "roll of " + java.util.Arrays.toString(c));
                assertEquals(600, p.translation()[2], 10);
                assertEquals(20, p.translation()[0], 2);
                HeadPose again = e.estimate(project(c[0], c[1], c[2], 20, 600, 640, 480), 640, 480);
                assertEquals(p.yaw(), again.yaw(), 1e-6, "deterministic: no state between calls");
            }
        }
    }

    @Test
    void notSixtyEightPointsGivesNoPose() {
        try (HeadPoseEstimator e = new HeadPoseEstimator()) {
            assertNull(e.estimate(new float[10], 640, 480));
        }
    }

    @Test
    void collapsedOrNearlyCollinearPointsGiveNoPoseInsteadOfThrowing() {
        try (HeadPoseEstimator e = new HeadPoseEstimator()) {
            float[] collapsed = new float[136];
            java.util.Arrays.fill(collapsed, 200f);
            assertNull(e.estimate(collapsed, 640, 480), "all points on one pixel");
            float[] tiny = project(0, 0, 0, 0, 600, 640, 480);
            for (int i = 0; i < tiny.length; i++) tiny[i] = 320f + (tiny[i] - 320f) * 0.002f; // sub-pixel face
            assertNull(e.estimate(tiny, 640, 480), "a face under a pixel across");
            // and a normal face right after still works: no broken state
            assertNotNull(e.estimate(project(5, 0, 0, 0, 600, 640, 480), 640, 480));
        }
    }
}
