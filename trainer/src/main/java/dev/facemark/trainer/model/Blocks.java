package dev.facemark.trainer.model;

import java.util.ArrayList;
import java.util.List;

/** Small layer-building helpers shared by the architectures. */
final class Blocks {
    private Blocks() {}

    /** Channel count scaled by a width multiplier, at least {@code min}, rounded to a multiple of {@code divisor}. */
    static int scaled(int base, float width, int divisor, int min) {
        int c = Math.round(base * width / divisor) * divisor;
        return Math.max(min, c);
    }

    /** conv (no bias) + BN + activation. */
    static Layer convBn(int in, int out, int k, int stride, int groups, Layer act) {
        List<Layer> l = new ArrayList<>(List.of(new Layer.Conv(in, out, k, stride, k / 2, groups, false), new Layer.BatchNorm(out)));
        if (act != null) l.add(act);
        return new Layer.Sequence(l);
    }

    /**
     * 2x2 stride-2 transposed convolution realised exactly as a 1x1 convolution to 4*out channels followed by
     * depth-to-space (CRD). ConvTranspose2d(in, out, 2, 2) computes y[o, 2i+a, 2j+b] = b[o] + sum_c x[c,i,j] W[c,o,a,b];
     * the 1x1 conv's output channel o*4 + a*2 + b with weight W[c,o,a,b] and CRD depth-to-space put exactly that value
     * at (2i+a, 2j+b). (The 1x1 conv has one bias per sub-pixel, 4*out instead of out: a superset.) DJL's
     * Conv2dTranspose is not implemented on the PyTorch engine, hence this form.
     */
    static Layer upConv2x2(int in, int out) {
        return Layer.Sequence.of(new Layer.Conv(in, 4 * out, 1, 1, 0, 1, true), new Layer.DepthToSpace(2));
    }
}
