package dev.facemark.trainer.model;

import java.util.Map;

/**
 * The seed study's FullFaceCNN (part 2, all points): conv3-8, conv3-8, conv3-8/2, conv3-8/2, conv5-16+pool,
 * conv3-12+pool (ReLU, no padding), flatten, linear-500 + ReLU, linear-2P. The study's listing feeds 32
 * channels into conv5 after a layer that outputs 8 (and a flatten size that fits neither); we keep the listed
 * layer 4 (8 channels) and let conv5 take 8. The flatten size follows from the input size.
 */
final class FullFaceNet implements Architecture {
    @Override public String name() { return "fullface"; }
    @Override public String description() { return "seed study FullFaceCNN: 6 conv blocks, linear-500, all points"; }
    @Override public ArchConfig defaults() { return new ArchConfig(240, 180, 1, 68, Map.of()); }

    @Override public NetSpec spec(ArchConfig c) {
        float w = c.floatOption("width", 1f);
        int c8 = Blocks.scaled(8, w, 1, 1), c16 = Blocks.scaled(16, w, 1, 1), c12 = Blocks.scaled(12, w, 1, 1);
        int hidden = Math.max(8, Math.round(c.floatOption("hidden", 500)));
        Layer pool = new Layer.MaxPool(2, 2, 0);
        Layer.Sequence convs = Layer.Sequence.of(
                Layer.Conv.valid(c.channels(), c8, 3, 1), new Layer.Relu(),
                Layer.Conv.valid(c8, c8, 3, 1), new Layer.Relu(),
                Layer.Conv.valid(c8, c8, 3, 2), new Layer.Relu(),
                Layer.Conv.valid(c8, c8, 3, 2), new Layer.Relu(),
                Layer.Conv.valid(c8, c16, 5, 1), new Layer.Relu(), pool,
                Layer.Conv.valid(c16, c12, 3, 1), new Layer.Relu(), pool,
                new Layer.Flatten());
        int flat = (int) convs.outputShape(new long[] {c.channels(), c.height(), c.width()})[0];
        Layer body = Layer.Sequence.of(convs, new Layer.Linear(flat, hidden), new Layer.Relu(), new Layer.Linear(hidden, 2 * c.points()));
        return new NetSpec(c.channels(), c.height(), c.width(), body, Head.Coordinates.centred(c.points(), c.width(), c.height()));
    }
}
