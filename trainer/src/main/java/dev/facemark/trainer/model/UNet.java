package dev.facemark.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed study's UNet heatmap model ("LargeUnetCnn"): three encoder levels and a bottom level of "same"
 * convolutions with LeakyReLU(0.01), max pool 2x2 between levels, 2x2 stride-2 up-convolutions, skip
 * concatenation [skip, up] on the way back, a 1x1 convolution to P maps at input resolution, a softmax over
 * each map's pixels and a soft-argmax (expected pixel centre) for the coordinates.
 *
 * <p>The 2x2 stride-2 up-convolution is realised exactly as a 1x1 convolution to 4C channels followed by
 * depth-to-space (pixel shuffle, CRD order), see {@link Blocks#upConv2x2}: DJL's Conv2dTranspose is not
 * implemented on the PyTorch engine.
 *
 * <p>Variants (option {@code variant}): {@code large} = the study's (64-128-256-512, four convs per level, the
 * first level's kernels 7-5-3-3), {@code medium} (32-256, three convs), {@code small} (16-128, two convs).
 * Without the option the variant is {@code medium} (the study found it almost as good as large at a fraction of
 * the cost). Options {@code base} and {@code convs} override width and depth. As in the study, the top decoder level
 * (kernels 7-3-5-3-5) has no activations between its convolutions. The input side must be a multiple of 8.
 */
final class UNet implements Architecture {
    private static final int[] TOP_DOWN_KERNELS = {7, 5, 3, 3};
    private static final int[] TOP_UP_KERNELS = {7, 3, 5, 3, 5};

    @Override public String name() { return "unet"; }
    @Override public String description() { return "seed study UNet: full-resolution heatmaps + soft-argmax (variant large/medium/small)"; }
    @Override public ArchConfig defaults() { return new ArchConfig(128, 128, 1, 68, Map.of("variant", "medium")); }

    @Override public NetSpec spec(ArchConfig c) {
        String variant = c.option("variant", "medium");
        int base, convs;
        switch (variant) {
            case "large" -> { base = 64; convs = 4; }
            case "medium" -> { base = 32; convs = 3; }
            case "small" -> { base = 16; convs = 2; }
            default -> throw new IllegalArgumentException("unknown unet variant '" + variant + "'; choose large, medium or small");
        }
        base = Math.round(c.floatOption("base", base));
        convs = Math.round(c.floatOption("convs", convs));
        if (base < 1 || convs < 1 || convs > 4) throw new IllegalArgumentException("unet needs base >= 1 and 1 <= convs <= 4");
        if (c.width() % 8 != 0 || c.height() % 8 != 0) {
            throw new IllegalArgumentException("unet input must be a multiple of 8 (three 2x2 pools), got " + c.width() + "x" + c.height());
        }
        int[] widths = {base, 2 * base, 4 * base, 8 * base};
        Layer body = Layer.Sequence.of(level(0, c.channels(), widths, convs), new Layer.Conv(widths[0], c.points(), 1, 1, 0, 1, true));
        return new NetSpec(c.channels(), c.height(), c.width(), body,
                new Head.Heatmaps(c.points(), c.width(), c.height(), c.width(), c.height()));
    }

    /** Level d: convs across, then (above the bottom) [skip, pool -> level d+1 -> up-conv] concatenated, then convs across. */
    private static Layer level(int d, int in, int[] widths, int convs) {
        int w = widths[d];
        List<Layer> down = new ArrayList<>();
        for (int i = 0; i < convs; i++) {
            int k = d == 0 ? TOP_DOWN_KERNELS[i] : 3;
            down.add(Layer.Conv.same(i == 0 ? in : w, w, k));
            down.add(new Layer.LeakyRelu(0.01f));
        }
        if (d == widths.length - 1) return new Layer.Sequence(down);
        Layer inner = Layer.Sequence.of(new Layer.MaxPool(2, 2, 0), level(d + 1, w, widths, convs), Blocks.upConv2x2(widths[d + 1], w));
        List<Layer> l = new ArrayList<>();
        l.add(new Layer.Sequence(down));
        l.add(new Layer.Concat(List.of(new Layer.Identity(), inner)));
        int n = d == 0 ? convs + 1 : convs;
        for (int i = 0; i < n; i++) {
            int k = d == 0 ? TOP_UP_KERNELS[i] : 3;
            l.add(Layer.Conv.same(i == 0 ? 2 * w : w, w, k));
            if (d != 0) l.add(new Layer.LeakyRelu(0.01f));
        }
        return new Layer.Sequence(l);
    }
}
