package dev.facemark.trainer.onnx;

import ai.onnxruntime.OrtException;
import dev.facemark.core.model.ModelContract;
import dev.facemark.trainer.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfPrecisionTest {

    @Test
    void knownBinary16Values() {
        assertEquals(0x3C00, HalfPrecision.toHalf(1f) & 0xFFFF);
        assertEquals(0xC000, HalfPrecision.toHalf(-2f) & 0xFFFF);
        assertEquals(0x7BFF, HalfPrecision.toHalf(65504f) & 0xFFFF, "largest finite half");
        assertEquals(0x7C00, HalfPrecision.toHalf(65520f) & 0xFFFF, "rounds up to infinity");
        assertEquals(0x2E66, HalfPrecision.toHalf(0.1f) & 0xFFFF);
        assertEquals(0x0001, HalfPrecision.toHalf(0x1p-24f) & 0xFFFF, "smallest subnormal");
        assertEquals(0x0000, HalfPrecision.toHalf(0x1p-26f) & 0xFFFF, "underflows to zero");
        assertEquals(0x8000, HalfPrecision.toHalf(-0f) & 0xFFFF);
        assertEquals(0x3C00, HalfPrecision.toHalf(1f + 0x1p-11f) & 0xFFFF, "tie rounds to even (down)");
        assertEquals(0x3C02, HalfPrecision.toHalf(1f + 3 * 0x1p-11f) & 0xFFFF, "tie rounds to even (up)");
        assertEquals(0x3C01, HalfPrecision.toHalf(1f + 0x1p-11f + 0x1p-20f) & 0xFFFF, "above the tie rounds up");
        assertTrue(Float.isNaN(HalfPrecision.toFloat(HalfPrecision.toHalf(Float.NaN))));
        assertEquals(Float.NEGATIVE_INFINITY, HalfPrecision.toFloat(HalfPrecision.toHalf(Float.NEGATIVE_INFINITY)));
    }

    @Test
    void roundTripErrorIsAtMostHalfAnUlp() {
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            float x = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(9) - 6));
            float y = HalfPrecision.toFloat(HalfPrecision.toHalf(x));
            float ax = Math.abs(x);
            // normal halves: 10 fraction bits, relative error <= 2^-11; subnormals: absolute error <= 2^-25
            float bound = ax >= 0x1p-14f ? ax * 0x1p-11f : 0x1p-25f;
            assertTrue(Math.abs(x - y) <= bound * 1.0001f, x + " -> " + y);
        }
    }

    @Test
    void shippedModelKeepsItsAnswersAndContractAtHalfTheSize(@TempDir Path dir) throws Exception {
        Path in = TestData.shippedModel("fast.onnx");
        Path out = dir.resolve("fast-fp16.onnx");
        HalfPrecision.Result r = HalfPrecision.convert(in, out);
        assertTrue(r.converted() > 10, "converted " + r.converted());
        assertTrue(r.bytesAfter() < 0.6 * r.bytesBefore(), r.bytesBefore() + " -> " + r.bytesAfter());

        Map<String, float[]> a, b;
        int side;
        try (OrtRunner full = new OrtRunner(in); OrtRunner half = new OrtRunner(out)) {
            side = contract(full).inputWidth(); // 128 since session 13 (112 before)
            float[] input = new float[side * side];
            Random rnd = new Random(1);
            for (int i = 0; i < input.length; i++) input[i] = (float) Math.sin(i * 0.01) * 0.8f + (float) rnd.nextGaussian() * 0.1f;
            a = full.run(input, 1, 1, side, side);
            b = half.run(input, 1, 1, side, side);
            Map<String, String> ma = contract(full).toMetadata(), mb = new java.util.TreeMap<>(contract(half).toMetadata());
            assertTrue(mb.remove("facemark.provenance.weights").startsWith("float16"));
            assertEquals(new java.util.TreeMap<>(ma), mb, "same contract apart from the weights note");
        }
        float[] pa = a.get(ModelContract.LANDMARKS_NAME), pb = b.get(ModelContract.LANDMARKS_NAME);
        double maxDiff = 0;
        boolean anyDiff = false;
        for (int i = 0; i < pa.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(pa[i] - pb[i]));
            anyDiff |= pa[i] != pb[i];
        }
        assertTrue(anyDiff, "weights really changed precision");
        assertTrue(maxDiff < 0.25, "points moved " + maxDiff + " px of " + side);
        assertNotEquals(Files.size(in), Files.size(out));
    }

    private static ModelContract contract(OrtRunner r) throws OrtException {
        return ModelContract.fromMetadata(r.session.getMetadata().getCustomMetadata(), "test");
    }
}
