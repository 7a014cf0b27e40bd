package dev.facemark.trainer.onnx;

import dev.facemark.core.geom.PixelCentres;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Resampling a positional prior keeps what it encodes: the same map at the same size, a ramp stays a ramp. */
class MapResamplerTest {
    @Test
    void sameSizeIsTheIdentity() {
        float[] v = new float[2 * 3 * 4];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(i);
        assertArrayEquals(v, MapResampler.resample(v, 2, 3, 4, 3, 4), 0f);
    }

    @Test
    void aRampInXStaysTheSameRampOverTheSameExtent() {
        int h = 7, w = 7, to = 8;
        float[] v = new float[2 * h * w];
        for (int k = 0; k < 2; k++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) v[k * h * w + r * w + c] = (k + 1) * (c - 3f) + 10 * k;
            }
        }
        float[] out = MapResampler.resample(v, 2, h, w, to, to);
        for (int k = 0; k < 2; k++) {
            for (int r = 0; r < to; r++) {
                for (int c = 0; c < to; c++) {
                    // the source coordinate of this cell's centre, clamped at the edges like the sampler
                    float sx = Math.max(0, Math.min(w - 1, PixelCentres.map(c, to, w)));
                    assertEquals((k + 1) * (sx - 3f) + 10 * k, out[k * to * to + r * to + c], 1e-5f, "k " + k + " r " + r + " c " + c);
                }
            }
        }
    }

    @Test
    void aConstantMapStaysConstantWhenShrunk() {
        float[] v = new float[3 * 8 * 8];
        java.util.Arrays.fill(v, 2.5f);
        float[] out = MapResampler.resample(v, 3, 8, 8, 5, 6);
        assertEquals(3 * 5 * 6, out.length);
        for (float f : out) assertEquals(2.5f, f, 1e-6f);
    }

    @Test
    void theShapeMustMatchTheValues() {
        assertThrows(IllegalArgumentException.class, () -> MapResampler.resample(new float[10], 1, 3, 3, 4, 4));
    }
}
