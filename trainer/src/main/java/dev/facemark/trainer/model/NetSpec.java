package dev.facemark.trainer.model;

import java.util.Arrays;

/** A whole landmark network as data: input [channels, height, width], a layer body and a head. */
public record NetSpec(int channels, int height, int width, Layer body, Head head) {
    public NetSpec {
        long[] out = body.outputShape(new long[] {channels, height, width});
        if (!Arrays.equals(out, head.bodyShape())) {
            throw new IllegalArgumentException("body output " + Arrays.toString(out) + " does not fit the head, which needs "
                    + Arrays.toString(head.bodyShape()));
        }
    }

    public long[] inputShape() { return new long[] {channels, height, width}; }
    public long parameters() { return body.parameters(); }
    public long macs() {
        long m = body.macs(inputShape());
        if (head instanceof Head.Heatmaps h) m += (long) h.points() * h.width() * h.height() * 2; // soft-argmax
        return m;
    }
}
