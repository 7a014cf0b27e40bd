package dev.facemark.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's real-time CPU model: a MobileNetV2-style backbone (inverted residuals: 1x1 expand, 3x3
 * depthwise, 1x1 linear projection, BN + ReLU6, identity skip where shapes allow) on a small grey crop.
 *
 * <p>Option {@code head}:
 * <ul>
 *   <li>{@code heatmap} (default): stride-4/8/16 features merged top-down (2x up-conv = 1x1 conv + depth-to-space,
 *       concatenated with the finer features), P logit maps at a quarter of the input (28x28 at 112 px),
 *       softmax + soft-argmax: sub-pixel coordinates with spatial output structure. A learned per-point
 *       positional prior ({@link Layer.BiasMap}, option {@code prior}, default true) is added to the logits so the
 *       mean face shape is available from the first steps.</li>
 *   <li>{@code regress}: stride-16 features, 1x1 conv + BN + ReLU6, flatten (keeps the spatial layout) and a
 *       linear layer to 2P normalised coordinates.</li>
 * </ul>
 * Option {@code width} (default 0.5) multiplies all channel counts. See {@code trainer/FAST_MODEL.md} for the
 * latency study behind the defaults.
 */
final class FastNet implements Architecture {
    @Override public String name() { return "fast"; }
    @Override public String description() { return "real-time MobileNetV2-style model, heatmap (28x28 soft-argmax) or regression head"; }
    @Override public ArchConfig defaults() { return new ArchConfig(112, 112, 1, 68, Map.of("width", "0.5", "head", "heatmap")); }

    @Override public NetSpec spec(ArchConfig c) {
        float w = c.floatOption("width", 0.5f);
        String head = c.option("head", "heatmap");
        if (c.width() % 16 != 0 || c.height() % 16 != 0) {
            throw new IllegalArgumentException("fast input must be a multiple of 16, got " + c.width() + "x" + c.height());
        }
        int cStem = ch(32, w), c1 = ch(16, w), c2 = ch(24, w), c3 = ch(32, w), c4 = ch(64, w), c5 = ch(96, w);
        List<Layer> stem = new ArrayList<>();
        stem.add(Blocks.convBn(c.channels(), cStem, 3, 2, 1, new Layer.Relu6()));       // /2
        stem.add(invertedResidual(cStem, c1, 1, 1));
        stem.add(stage(c1, c2, 2, 2));                                                   // /4
        Layer toStride8 = stage(c2, c3, 3, 2);                                           // /8
        Layer toStride16 = Layer.Sequence.of(stage(c3, c4, 3, 2), stage(c4, c5, 2, 1)); // /16
        switch (head) {
            case "regress" -> {
                int cHead = ch(64, w);
                List<Layer> l = new ArrayList<>(stem);
                l.add(toStride8);
                l.add(toStride16);
                l.add(Blocks.convBn(c5, cHead, 1, 1, 1, new Layer.Relu6()));
                l.add(new Layer.Flatten());
                Layer.Sequence feats = new Layer.Sequence(l);
                int flat = (int) feats.outputShape(new long[] {c.channels(), c.height(), c.width()})[0];
                Layer body = Layer.Sequence.of(feats, new Layer.Linear(flat, 2 * c.points()));
                return new NetSpec(c.channels(), c.height(), c.width(), body, Head.Coordinates.centred(c.points(), c.width(), c.height()));
            }
            case "heatmap" -> {
                // stride 16 -> up to 8, merged with stride-8 features; then up to 4, merged with stride-4 features.
                Layer s16 = Layer.Sequence.of(toStride16, Blocks.upConv2x2(c5, c3));
                Layer s8 = Layer.Sequence.of(toStride8, new Layer.Concat(List.of(new Layer.Identity(), s16)),
                        separable(2 * c3, c3), Blocks.upConv2x2(c3, c2));
                List<Layer> l = new ArrayList<>(stem);
                l.add(new Layer.Concat(List.of(new Layer.Identity(), s8)));
                l.add(separable(2 * c2, ch(32, w)));
                l.add(new Layer.Conv(ch(32, w), c.points(), 1, 1, 0, 1, true));
                if (Boolean.parseBoolean(c.option("prior", "true"))) {
                    l.add(new Layer.BiasMap(c.points(), c.height() / 4, c.width() / 4));
                }
                return new NetSpec(c.channels(), c.height(), c.width(), new Layer.Sequence(l),
                        new Head.Heatmaps(c.points(), c.width() / 4, c.height() / 4, c.width(), c.height()));
            }
            default -> throw new IllegalArgumentException("unknown fast head '" + head + "'; choose heatmap or regress");
        }
    }

    private static int ch(int base, float w) { return Blocks.scaled(base, w, 8, 8); }

    /** n inverted residuals (expansion 6), the first with the stride. */
    private static Layer stage(int in, int out, int n, int stride) {
        List<Layer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(invertedResidual(i == 0 ? in : out, out, i == 0 ? stride : 1, 6));
        return new Layer.Sequence(l);
    }

    /** MobileNetV2 inverted residual: [1x1 expand + BN + ReLU6], 3x3 depthwise + BN + ReLU6, 1x1 project + BN. */
    static Layer invertedResidual(int in, int out, int stride, int expand) {
        int hidden = in * expand;
        List<Layer> l = new ArrayList<>();
        if (expand != 1) l.add(Blocks.convBn(in, hidden, 1, 1, 1, new Layer.Relu6()));
        l.add(Blocks.convBn(hidden, hidden, 3, stride, hidden, new Layer.Relu6()));
        l.add(Blocks.convBn(hidden, out, 1, 1, 1, null));
        Layer main = new Layer.Sequence(l);
        return stride == 1 && in == out ? new Layer.Residual(main, new Layer.Identity()) : main;
    }

    /** Depthwise 3x3 + BN + ReLU6, then pointwise 1x1 + BN + ReLU6. */
    private static Layer separable(int in, int out) {
        return Layer.Sequence.of(Blocks.convBn(in, in, 3, 1, in, new Layer.Relu6()), Blocks.convBn(in, out, 1, 1, 1, new Layer.Relu6()));
    }
}
