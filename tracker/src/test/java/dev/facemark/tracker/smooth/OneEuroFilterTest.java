package dev.facemark.tracker.smooth;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class OneEuroFilterTest {

    @Test
    void firstSampleIsPassedThroughAndAConstantStaysConstant() {
        OneEuroFilter f = new OneEuroFilter(1.0, 0.5, 1.0);
        assertEquals(5.0, f.filter(5.0, 0.0));
        for (int i = 1; i < 50; i++) assertEquals(5.0, f.filter(5.0, i / 30.0), 1e-12);
    }

    @Test
    void stillNoisySignalIsSmoothedALot() {
        OneEuroFilter f = new OneEuroFilter(1.0, 0.0, 1.0);
        Random r = new Random(1);
        double rawVar = 0, outVar = 0;
        for (int i = 0; i < 600; i++) {
            double noise = r.nextGaussian();
            double y = f.filter(100 + noise, i / 30.0);
            if (i > 60) { rawVar += noise * noise; outVar += (y - 100) * (y - 100); }
        }
        assertTrue(outVar < rawVar / 4, "jitter variance " + outVar + " vs raw " + rawVar);
    }

    @Test
    void betaCutsTheLagOfAMovingSignal() {
        double lagSlow = lagOnRamp(new OneEuroFilter(1.0, 0.0, 1.0));
        double lagFast = lagOnRamp(new OneEuroFilter(1.0, 1.0, 1.0));
        assertTrue(lagFast < lagSlow / 3, "lag with beta " + lagFast + " vs without " + lagSlow);
    }

    /** Distance behind a ramp of 100 units/s after one second at 30 fps. */
    private static double lagOnRamp(OneEuroFilter f) {
        double y = 0;
        for (int i = 0; i <= 30; i++) y = f.filter(100.0 * i / 30, i / 30.0);
        return 100.0 - y;
    }

    @Test
    void speedIsMeasuredInUnitsOfScaleSoTheFilterIsScaleInvariant() {
        // The same motion at twice the size (and twice the scale) gives exactly twice the output.
        OneEuroFilter a = new OneEuroFilter(1.0, 2.0, 1.0), b = new OneEuroFilter(1.0, 2.0, 1.0);
        for (int i = 0; i < 60; i++) {
            double x = 30 * Math.sin(i / 7.0);
            double ya = a.filter(x, i / 30.0, 100), yb = b.filter(2 * x, i / 30.0, 200);
            assertEquals(2 * ya, yb, 1e-9);
        }
    }

    @Test
    void smootherOffSwitchCopiesAndResetForgets() {
        LandmarkSmoother off = new LandmarkSmoother(2, SmoothingParams.OFF);
        float[] out = new float[4];
        off.apply(new float[] {1, 2, 3, 4}, out, 0, 10);
        off.apply(new float[] {9, 9, 9, 9}, out, 0.03, 10);
        assertArrayEquals(new float[] {9, 9, 9, 9}, out);
        LandmarkSmoother on = new LandmarkSmoother(2, SmoothingParams.LEGACY);
        on.apply(new float[] {0, 0, 0, 0}, out, 0, 10);
        on.apply(new float[] {1, 1, 1, 1}, out, 1 / 30.0, 10);
        assertTrue(out[0] > 0 && out[0] < 1, "smoothed towards the new value: " + out[0]);
        on.reset();
        on.apply(new float[] {5, 5, 5, 5}, out, 2 / 30.0, 10);
        assertEquals(5f, out[0], "after reset the first sample passes");
        assertThrows(IllegalArgumentException.class, () -> new OneEuroFilter(0, 1, 1));
    }
}
