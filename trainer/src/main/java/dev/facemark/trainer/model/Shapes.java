package dev.facemark.trainer.model;

import java.util.Arrays;

/** Shape arithmetic shared by the layer records. */
final class Shapes {
    private Shapes() {}

    static long conv(Layer l, long size, int kernel, int stride, int pad) {
        long o = Math.floorDiv(size + 2L * pad - kernel, stride) + 1;
        if (o <= 0) throw new IllegalArgumentException(l + ": input of " + size + " px is too small (make the input larger)");
        return o;
    }

    /** Checks a [C, H, W] input; channels < 0 accepts any. */
    static void requireMap(Layer l, long[] in, int channels) {
        if (in.length != 3 || (channels >= 0 && in[0] != channels)) {
            throw new IllegalArgumentException(l + " needs input [" + (channels >= 0 ? channels : "C") + ", H, W], got " + str(in));
        }
    }

    static String str(long[] s) { return Arrays.toString(s); }
}
