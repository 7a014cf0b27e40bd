package dev.facemark.tracker.jmh;

import dev.facemark.tracker.smooth.LandmarkSmoother;
import dev.facemark.tracker.smooth.SmoothingParams;
import org.openjdk.jmh.annotations.*;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/** One Euro smoothing of one face's 68 points per frame (136 filters), as the tracker does for every face. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class OneEuroBenchmark {
    private final LandmarkSmoother smoother = new LandmarkSmoother(68, SmoothingParams.DEFAULT);
    private final float[] raw = new float[136], out = new float[136];
    private final float[][] frames = new float[64][136];
    private int frame;
    private double t;

    @Setup
    public void setup() {
        Random rnd = new Random(3);
        for (float[] f : frames) for (int i = 0; i < f.length; i++) f[i] = 200 + 50 * (float) Math.sin(i) + (float) rnd.nextGaussian();
    }

    @Benchmark
    public float smooth68() {
        float[] f = frames[frame++ & 63];
        System.arraycopy(f, 0, raw, 0, raw.length);
        t += 1.0 / 30;
        smoother.apply(raw, out, t, 150.0);
        return out[60];
    }
}
