package dev.facemark.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A true ResNet-18 (He et al. 2016, torchvision layout) as in the seed study: conv7x7/2 (no bias) + BN + ReLU,
 * maxpool 3x3/2, four stages of two BasicBlocks (64, 128, 256, 512 channels; stride 2 and a 1x1 conv + BN
 * projection shortcut at the start of stages 2-4), global average pool, linear 512 -> 2P. One input channel
 * and 68 points give 11.2 M parameters. (DJL's ResNetV1 differs: 3x3 stem and no max pool.)
 * Option {@code width} scales all channel counts (tests use tiny instances).
 */
final class ResNet18 implements Architecture {
    @Override public String name() { return "resnet18"; }
    @Override public String description() { return "ResNet-18 (BasicBlock 2-2-2-2, 64-512 channels) regressor"; }
    @Override public ArchConfig defaults() { return new ArchConfig(224, 224, 1, 68, Map.of()); }

    @Override public NetSpec spec(ArchConfig c) {
        float w = c.floatOption("width", 1f);
        int[] widths = {Blocks.scaled(64, w, 1, 2), Blocks.scaled(128, w, 1, 2), Blocks.scaled(256, w, 1, 2), Blocks.scaled(512, w, 1, 2)};
        List<Layer> l = new ArrayList<>();
        l.add(new Layer.Conv(c.channels(), widths[0], 7, 2, 3, 1, false));
        l.add(new Layer.BatchNorm(widths[0]));
        l.add(new Layer.Relu());
        l.add(new Layer.MaxPool(3, 2, 1));
        int in = widths[0];
        for (int s = 0; s < 4; s++) {
            int stride = s == 0 ? 1 : 2;
            l.add(basicBlock(in, widths[s], stride));
            l.add(basicBlock(widths[s], widths[s], 1));
            in = widths[s];
        }
        l.add(new Layer.GlobalAvgPool());
        l.add(new Layer.Flatten());
        l.add(new Layer.Linear(in, 2 * c.points()));
        return new NetSpec(c.channels(), c.height(), c.width(), new Layer.Sequence(l),
                Head.Coordinates.centred(c.points(), c.width(), c.height()));
    }

    static Layer basicBlock(int in, int out, int stride) {
        Layer main = Layer.Sequence.of(
                new Layer.Conv(in, out, 3, stride, 1, 1, false), new Layer.BatchNorm(out), new Layer.Relu(),
                new Layer.Conv(out, out, 3, 1, 1, 1, false), new Layer.BatchNorm(out));
        Layer shortcut = stride != 1 || in != out
                ? Layer.Sequence.of(new Layer.Conv(in, out, 1, stride, 0, 1, false), new Layer.BatchNorm(out))
                : new Layer.Identity();
        return Layer.Sequence.of(new Layer.Residual(main, shortcut), new Layer.Relu());
    }
}
