package dev.facemark.tracker.jmh;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.runtime.HeatmapConfidence;
import org.openjdk.jmh.annotations.*;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The Java side of decoding a heatmap model's answer for one face (core runtime): per-point peak
 * confidence over 68 softmax maps ({@link HeatmapConfidence#peakMass}; soft-argmax itself runs inside
 * the ONNX graph), and mapping 68 points from model input to source pixels.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class HeatmapDecodeBenchmark {
    @Param({"28", "56", "64"}) public int mapSize;

    private float[] maps;
    private final float[] scores = new float[68];
    private final float[] input = new float[136], source = new float[136];
    private CropTransform crop;

    @Setup
    public void setup() {
        Random rnd = new Random(1);
        int n = mapSize * mapSize;
        maps = new float[68 * n];
        for (int p = 0; p < 68; p++) {
            // A blob at a random place plus noise, normalised like a softmax output.
            int px = rnd.nextInt(mapSize), py = rnd.nextInt(mapSize);
            float sum = 0;
            for (int i = 0; i < n; i++) {
                int dx = i % mapSize - px, dy = i / mapSize - py;
                float v = (float) Math.exp(-(dx * dx + dy * dy) / 3.0) + 1e-3f * rnd.nextFloat();
                maps[p * n + i] = v;
                sum += v;
            }
            for (int i = 0; i < n; i++) maps[p * n + i] /= sum;
        }
        for (int i = 0; i < 136; i++) input[i] = rnd.nextFloat() * 112;
        crop = new CropTransform(200, 150, 180, 180, 0.2f, 112, 112);
    }

    @Benchmark
    public float peakMass() {
        HeatmapConfidence.peakMass(maps, 0, 68, mapSize, mapSize, scores);
        return scores[33];
    }

    @Benchmark
    public float toSource() {
        crop.toSource(input, source);
        return source[66];
    }
}
