package dev.facemark.trainer.model;

import java.util.List;

/**
 * What a network layer is, as plain data. Both the DJL block ({@link LayerBlock}) and the ONNX graph
 * ({@code dev.facemark.trainer.onnx.OnnxExporter}) are generated from these records, so training and export
 * cannot drift apart; shapes, parameter counts and FLOPs are computed here too.
 *
 * <p>Shapes are per sample, without the batch dimension: {C, H, W} for maps, {F} for flat vectors.
 */
public sealed interface Layer {

    /** Output shape for a per-sample input shape; throws naming the layer when the input does not fit. */
    long[] outputShape(long[] in);

    /** Learnable parameter count (running statistics excluded). */
    default long parameters() { return 0; }

    /** Multiply-accumulates per sample for this input shape (element-wise ops count as 0). */
    default long macs(long[] in) { return 0; }

    /** Short human name used in messages and ONNX node names. */
    default String kind() { return getClass().getSimpleName(); }

    // ---- parametric layers ----

    /** 2-D convolution, square kernel, symmetric zero padding; weight [out, in/groups, k, k], optional bias [out]. */
    record Conv(int in, int out, int kernel, int stride, int pad, int groups, boolean bias) implements Layer {
        public Conv {
            if (in % groups != 0 || out % groups != 0) throw new IllegalArgumentException("conv channels not divisible by groups");
        }
        /** Stride 1, "same" padding for an odd kernel, with bias (the seed study's convs). */
        public static Conv same(int in, int out, int kernel) { return new Conv(in, out, kernel, 1, kernel / 2, 1, true); }
        public static Conv valid(int in, int out, int kernel, int stride) { return new Conv(in, out, kernel, stride, 0, 1, true); }

        @Override public long[] outputShape(long[] in) {
            Shapes.requireMap(this, in, this.in);
            return new long[] {out, Shapes.conv(this, in[1], kernel, stride, pad), Shapes.conv(this, in[2], kernel, stride, pad)};
        }
        @Override public long parameters() { return (long) out * (in / groups) * kernel * kernel + (bias ? out : 0); }
        @Override public long macs(long[] in) {
            long[] o = outputShape(in);
            return o[0] * o[1] * o[2] * (this.in / groups) * kernel * kernel;
        }
    }

    /** Batch normalisation over channels (inference uses running statistics). */
    record BatchNorm(int channels, float epsilon) implements Layer {
        public BatchNorm(int channels) { this(channels, 1e-5f); }
        @Override public long[] outputShape(long[] in) { Shapes.requireMap(this, in, channels); return in; }
        @Override public long parameters() { return 2L * channels; }
    }

    /** Fully connected: weight [out, in], bias [out]; input must be flat. */
    record Linear(int in, int out) implements Layer {
        @Override public long[] outputShape(long[] in) {
            if (in.length != 1 || in[0] != this.in) {
                throw new IllegalArgumentException("Linear(" + this.in + "->" + out + ") got input " + Shapes.str(in));
            }
            return new long[] {out};
        }
        @Override public long parameters() { return (long) in * out + out; }
        @Override public long macs(long[] in) { return (long) this.in * out; }
    }

    /**
     * A learned map added to the input: parameter {@code bias} [C, H, W], zero at initialisation. On heatmap logits
     * it is a per-point positional prior, so a translation-equivariant conv net can express the mean face shape
     * directly instead of learning it from padding effects (faster early training; one Add at inference).
     */
    record BiasMap(int channels, int height, int width) implements Layer {
        @Override public long[] outputShape(long[] in) {
            if (in.length != 3 || in[0] != channels || in[1] != height || in[2] != width) {
                throw new IllegalArgumentException(this + " got input " + Shapes.str(in));
            }
            return in;
        }
        @Override public long parameters() { return (long) channels * height * width; }
    }

    // ---- element-wise and reshaping layers ----

    record Relu() implements Layer { @Override public long[] outputShape(long[] in) { return in; } }

    /** min(max(x, 0), 6): MobileNetV2's activation; ONNX Clip. */
    record Relu6() implements Layer { @Override public long[] outputShape(long[] in) { return in; } }

    record LeakyRelu(float alpha) implements Layer { @Override public long[] outputShape(long[] in) { return in; } }

    record Identity() implements Layer { @Override public long[] outputShape(long[] in) { return in; } }

    /** Max pooling, square window, symmetric padding, floor rounding (PyTorch's default). */
    record MaxPool(int kernel, int stride, int pad) implements Layer {
        @Override public long[] outputShape(long[] in) {
            Shapes.requireMap(this, in, -1);
            return new long[] {in[0], Shapes.conv(this, in[1], kernel, stride, pad), Shapes.conv(this, in[2], kernel, stride, pad)};
        }
    }

    /** Mean over H and W, keeping [C, 1, 1]. */
    record GlobalAvgPool() implements Layer {
        @Override public long[] outputShape(long[] in) { Shapes.requireMap(this, in, -1); return new long[] {in[0], 1, 1}; }
    }

    /** [C, H, W] to [C*H*W] in C-major order (PyTorch's flatten(1)). */
    record Flatten() implements Layer {
        @Override public long[] outputShape(long[] in) {
            long n = 1;
            for (long d : in) n *= d;
            return new long[] {n};
        }
    }

    /**
     * Depth-to-space (pixel shuffle) by {@code block}: [C*r*r, H, W] to [C, H*r, W*r] with channel index
     * c*r*r + dy*r + dx, i.e. PyTorch's pixel_shuffle = ONNX DepthToSpace mode CRD.
     */
    record DepthToSpace(int block) implements Layer {
        @Override public long[] outputShape(long[] in) {
            Shapes.requireMap(this, in, -1);
            long r2 = (long) block * block;
            if (in[0] % r2 != 0) throw new IllegalArgumentException("DepthToSpace(" + block + ") needs channels divisible by " + r2 + ", got " + in[0]);
            return new long[] {in[0] / r2, in[1] * block, in[2] * block};
        }
    }

    // ---- composition ----

    /** Layers applied one after another. */
    record Sequence(List<Layer> layers) implements Layer {
        public Sequence { layers = List.copyOf(layers); }
        public static Sequence of(Layer... layers) { return new Sequence(List.of(layers)); }
        @Override public long[] outputShape(long[] in) {
            long[] s = in;
            for (Layer l : layers) s = l.outputShape(s);
            return s;
        }
        @Override public long parameters() { return layers.stream().mapToLong(Layer::parameters).sum(); }
        @Override public long macs(long[] in) {
            long total = 0;
            long[] s = in;
            for (Layer l : layers) { total += l.macs(s); s = l.outputShape(s); }
            return total;
        }
    }

    /** main(x) + shortcut(x); {@link Identity} as shortcut for a plain skip. Shapes must match. */
    record Residual(Layer main, Layer shortcut) implements Layer {
        @Override public long[] outputShape(long[] in) {
            long[] a = main.outputShape(in), b = shortcut.outputShape(in);
            if (!java.util.Arrays.equals(a, b)) {
                throw new IllegalArgumentException("Residual branches disagree: " + Shapes.str(a) + " vs " + Shapes.str(b));
            }
            return a;
        }
        @Override public long parameters() { return main.parameters() + shortcut.parameters(); }
        @Override public long macs(long[] in) { return main.macs(in) + shortcut.macs(in); }
    }

    /** Every branch sees the same input; outputs are concatenated along channels (in branch order). */
    record Concat(List<Layer> branches) implements Layer {
        public Concat { branches = List.copyOf(branches); }
        @Override public long[] outputShape(long[] in) {
            long c = 0;
            long[] first = null;
            for (Layer b : branches) {
                long[] s = b.outputShape(in);
                if (first == null) first = s;
                else if (s.length != 3 || s[1] != first[1] || s[2] != first[2]) {
                    throw new IllegalArgumentException("Concat branches disagree: " + Shapes.str(first) + " vs " + Shapes.str(s));
                }
                c += s[0];
            }
            return new long[] {c, first[1], first[2]};
        }
        @Override public long parameters() { return branches.stream().mapToLong(Layer::parameters).sum(); }
        @Override public long macs(long[] in) { return branches.stream().mapToLong(b -> b.macs(in)).sum(); }
    }
}
