package dev.facemark.trainer.model;

import java.util.Map;

/**
 * The seed study's SimpleCNN (part 1, nose tip): conv7-16, conv5-32+pool, conv5-16+pool, conv3-12+pool (all
 * ReLU, no padding), flatten, linear-20 + ReLU, linear-2P. The flatten size follows from the input size.
 * Option {@code width} scales the conv channels.
 */
final class NoseNet implements Architecture {
    @Override public String name() { return "nose"; }
    @Override public String description() { return "seed study SimpleCNN: 4 conv blocks, 2 linear layers (nose tip)"; }
    @Override public ArchConfig defaults() { return new ArchConfig(80, 60, 1, 1, Map.of()); }

    @Override public NetSpec spec(ArchConfig c) {
        float w = c.floatOption("width", 1f);
        int c1 = Blocks.scaled(16, w, 1, 1), c2 = Blocks.scaled(32, w, 1, 1), c3 = Blocks.scaled(16, w, 1, 1), c4 = Blocks.scaled(12, w, 1, 1);
        Layer pool = new Layer.MaxPool(2, 2, 0);
        Layer.Sequence convs = Layer.Sequence.of(
                Layer.Conv.valid(c.channels(), c1, 7, 1), new Layer.Relu(),
                Layer.Conv.valid(c1, c2, 5, 1), new Layer.Relu(), pool,
                Layer.Conv.valid(c2, c3, 5, 1), new Layer.Relu(), pool,
                Layer.Conv.valid(c3, c4, 3, 1), new Layer.Relu(), pool,
                new Layer.Flatten());
        int flat = (int) convs.outputShape(new long[] {c.channels(), c.height(), c.width()})[0];
        Layer body = Layer.Sequence.of(convs, new Layer.Linear(flat, 20), new Layer.Relu(), new Layer.Linear(20, 2 * c.points()));
        return new NetSpec(c.channels(), c.height(), c.width(), body, Head.Coordinates.centred(c.points(), c.width(), c.height()));
    }
}
