package dev.facemark.trainer.onnx;

import dev.facemark.core.geom.PixelCentres;

/**
 * Bilinear resampling of a stack of maps [C, h, w] to [C, H, W] over the same extent (pixel-centre convention,
 * edges clamped). It carries a learned positional prior ({@link dev.facemark.trainer.model.Layer.BiasMap}) from a
 * model trained at one input size to a network at another: progressive resolution, {@code train --init} at a new
 * {@code --input-size}.
 */
final class MapResampler {
    private MapResampler() {}

    static float[] resample(float[] v, int channels, int h, int w, int toH, int toW) {
        if ((long) channels * h * w != v.length) {
            throw new IllegalArgumentException(v.length + " values are not " + channels + "x" + h + "x" + w);
        }
        float[] out = new float[channels * toH * toW];
        for (int r = 0; r < toH; r++) {
            float sy = clamp(PixelCentres.map(r, toH, h), h);
            int y0 = (int) Math.floor(sy), y1 = Math.min(y0 + 1, h - 1);
            float fy = sy - y0;
            for (int c = 0; c < toW; c++) {
                float sx = clamp(PixelCentres.map(c, toW, w), w);
                int x0 = (int) Math.floor(sx), x1 = Math.min(x0 + 1, w - 1);
                float fx = sx - x0;
                for (int k = 0; k < channels; k++) {
                    int base = k * h * w;
                    float top = v[base + y0 * w + x0] * (1 - fx) + v[base + y0 * w + x1] * fx;
                    float bottom = v[base + y1 * w + x0] * (1 - fx) + v[base + y1 * w + x1] * fx;
                    out[k * toH * toW + r * toW + c] = top * (1 - fy) + bottom * fy;
                }
            }
        }
        return out;
    }

    private static float clamp(float s, int n) { return Math.max(0f, Math.min(n - 1f, s)); }
}
