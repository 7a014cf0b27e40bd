package dev.facemark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The DJL block of one {@link Layer}. It keeps the record it was built from, so the ONNX exporter reads the
 * layer's meaning from here instead of guessing it from an opaque lambda. Parameters use fixed names
 * ({@code weight, bias, gamma, beta, runningMean, runningVar}) that the exporter looks up.
 *
 * <p>Composite layers ({@link Layer.Sequence}, {@link Layer.Residual}, {@link Layer.Concat}) hold one child
 * {@code LayerBlock} per part, in the record's order.
 */
public final class LayerBlock extends AbstractBlock {
    /** DJL's BatchNorm default: running = 0.9 * running + 0.1 * batch. */
    public static final float BN_MOMENTUM = 0.9f;

    /**
     * libtorch 2.7.1's oneDNN convolution backward (data) pads the output channels to blocks of 16 (AVX-512; 8 on
     * AVX2) and reads the padding without writing it first: where that memory last held a NaN, the input gradient
     * becomes NaN (finite garbage is multiplied by zero weights and vanishes). On AMD EPYC this made the fullface
     * and nose nets diverge at random steps (PoolGradProbe: 16 -> 8 channels gave a NaN gradient in 37 of 100
     * backward passes over dirtied memory). Training pads such convolutions with zero filters up to a multiple
     * of 16 and drops the extra outputs: the padded gradient is then real zeros. Depthwise convolutions are not
     * affected (0 of 100) and are left as they are; inference and the ONNX graph never see the padding. Only the
     * default layout pads: the channels-last path ({@link #CHANNELS_LAST}) has no such kernel (ConvGradientTest).
     */
    static final int ONEDNN_CHANNEL_BLOCK = 16;

    private final Layer layer;
    private final List<LayerBlock> parts = new ArrayList<>();
    private Parameter weight, bias, gamma, beta, runningMean, runningVar;
    private boolean channelsLast = CHANNELS_LAST;

    public LayerBlock(Layer layer) {
        this.layer = layer;
        if (layer instanceof Layer.Conv c) {
            weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(c.out(), c.in() / c.groups(), c.kernel(), c.kernel())).build());
            if (c.bias()) bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(c.out())).build());
        } else if (layer instanceof Layer.BatchNorm b) {
            gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                    .optShape(new Shape(b.channels())).build());
            beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                    .optShape(new Shape(b.channels())).build());
            runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                    .optShape(new Shape(b.channels())).optRequiresGrad(false).build());
            runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                    .optShape(new Shape(b.channels())).optRequiresGrad(false).build());
        } else if (layer instanceof Layer.Linear l) {
            weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(l.out(), l.in())).build());
            bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(l.out())).build());
        } else if (layer instanceof Layer.BiasMap b) {
            bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(b.channels(), b.height(), b.width())).build());
        } else if (layer instanceof Layer.Sequence s) {
            for (Layer p : s.layers()) addPart(p);
        } else if (layer instanceof Layer.Residual r) {
            addPart(r.main());
            addPart(r.shortcut());
        } else if (layer instanceof Layer.Concat c) {
            for (Layer p : c.branches()) addPart(p);
        }
    }

    private void addPart(Layer l) {
        parts.add(addChildBlock(l.kind(), new LayerBlock(l)));
    }

    public Layer layer() { return layer; }

    /**
     * Whether this block and its parts run their convolutions on channels-last strides (see {@link #CHANNELS_LAST},
     * whose value every block starts with). The values and gradients are the same either way; tests compare the two.
     */
    public LayerBlock setChannelsLast(boolean on) {
        channelsLast = on;
        for (LayerBlock p : parts) p.setChannelsLast(on);
        return this;
    }

    public boolean channelsLast() { return channelsLast; }

    /** Child blocks of a composite layer, in the record's order (empty for leaves). */
    public List<LayerBlock> parts() { return List.copyOf(parts); }

    /** A parameter's current value by its fixed name, or null when this layer has none of that name. */
    public NDArray parameterArray(String name) {
        Parameter p = getDirectParameters().get(name);
        return p == null || !p.isInitialized() ? null : p.getArray();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(apply(ps, inputs, x, training, params));
    }

    private NDArray apply(ParameterStore ps, NDList inputs, NDArray x, boolean training, PairList<String, Object> params) {
        if (layer instanceof Layer.Conv c) {
            NDArray w = ps.getValue(weight, x.getDevice(), training);
            NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
            if (channelsLast && c.in() > 1) {
                // See CHANNELS_LAST: 1x1 convolutions as a matrix product over the NHWC pixels, every other one on
                // oneDNN's NHWC kernels, which need no channel padding.
                if (c.kernel() == 1 && c.pad() == 0 && c.groups() == 1) return pointwise(x, w, b, c);
                return Conv2d.conv2d(channelsLast(x), w, b, new Shape(c.stride(), c.stride()), new Shape(c.pad(), c.pad()),
                        new Shape(1, 1), c.groups()).singletonOrThrow();
            }
            int pad = training && c.groups() == 1 ? Math.floorMod(-c.out(), ONEDNN_CHANNEL_BLOCK) : 0;
            if (pad > 0) {
                // See ONEDNN_CHANNEL_BLOCK: zero filters make the channel count a whole number of blocks.
                NDManager m = x.getManager();
                // The concatenations would land on the parameters' manager, which lives as long as the model: keep them
                // on this pass's manager, which the step closes.
                w = w.concat(m.zeros(new Shape(pad, c.in(), c.kernel(), c.kernel()), w.getDataType()), 0);
                w.attach(m);
                if (b != null) {
                    b = b.concat(m.zeros(new Shape(pad), b.getDataType()), 0);
                    b.attach(m);
                }
            }
            NDArray y = Conv2d.conv2d(x, w, b, new Shape(c.stride(), c.stride()), new Shape(c.pad(), c.pad()),
                    new Shape(1, 1), c.groups()).singletonOrThrow();
            return pad > 0 ? y.get(new NDIndex(":, :{}", c.out())) : y;
        } else if (layer instanceof Layer.BatchNorm b) {
            return BatchNorm.batchNorm(x,
                    ps.getValue(runningMean, x.getDevice(), training), ps.getValue(runningVar, x.getDevice(), training),
                    ps.getValue(gamma, x.getDevice(), training), ps.getValue(beta, x.getDevice(), training),
                    1, BN_MOMENTUM, b.epsilon(), training).singletonOrThrow();
        } else if (layer instanceof Layer.Linear) {
            return Linear.linear(x, ps.getValue(weight, x.getDevice(), training),
                    ps.getValue(bias, x.getDevice(), training)).singletonOrThrow();
        } else if (layer instanceof Layer.BiasMap) {
            return x.add(ps.getValue(bias, x.getDevice(), training));
        } else if (layer instanceof Layer.Relu) {
            return Activation.relu(x);
        } else if (layer instanceof Layer.Relu6) {
            // min(relu(x), 6), the same values as clip(0, 6), but libtorch's clamp backward is slow and unfused:
            // TrainThroughput fast 32 went from 48 to 61 images/s (same run, one thread, the machine loaded).
            // Not Activation.relu6: its bound is a scalar that backward may find freed (see NativeConstants).
            return Activation.relu(x).minimum(NativeConstants.scalar(x.getManager(), 6f, x.getDataType()));
        } else if (layer instanceof Layer.LeakyRelu r) {
            return Activation.leakyRelu(x, r.alpha());
        } else if (layer instanceof Layer.Identity) {
            return x;
        } else if (layer instanceof Layer.MaxPool m) {
            return Pool.maxPool2d(x, new Shape(m.kernel(), m.kernel()), new Shape(m.stride(), m.stride()),
                    new Shape(m.pad(), m.pad()), false);
        } else if (layer instanceof Layer.GlobalAvgPool) {
            return x.mean(new int[] {3}, true).mean(new int[] {2}, true); // PyTorch engine: one axis per mean
        } else if (layer instanceof Layer.Flatten) {
            return x.reshape(x.getShape().get(0), -1);
        } else if (layer instanceof Layer.DepthToSpace d) {
            return depthToSpace(x, d.block());
        } else if (layer instanceof Layer.Sequence) {
            NDList cur = inputs;
            for (LayerBlock p : parts) cur = p.forward(ps, cur, training, params);
            return cur.singletonOrThrow();
        } else if (layer instanceof Layer.Residual) {
            return parts.get(0).forward(ps, inputs, training, params).singletonOrThrow()
                    .add(parts.get(1).forward(ps, inputs, training, params).singletonOrThrow());
        } else if (layer instanceof Layer.Concat) {
            NDList outs = new NDList();
            for (LayerBlock p : parts) outs.add(p.forward(ps, inputs, training, params).singletonOrThrow());
            return NDArrays.concat(outs, 1);
        }
        throw new IllegalStateException("no DJL implementation for layer " + layer.kind());
    }


    /**
     * Convolutions run on channels-last (NHWC) strides, the default; {@code -Dfacemark.channelsLast=false} turns it
     * off (and {@link #setChannelsLast} per network). DJL 0.36 has no memory-format API, but libtorch picks oneDNN's
     * NHWC kernels whenever the input has channels-last strides, and element-wise ops, batch norm and concatenation
     * keep them: a permuted view ({@link #channelsLast(NDArray)}) given to the first convolution with more than one
     * input channel carries the whole net, without the NCHW/blocked reorders that were about 60% of oneDNN's time on
     * the small nets. Values and gradients are the default layout's (ChannelsLastTrainingTest). TrainThroughput fast
     * 32, both layouts alternating in one JVM: 1.28x the images per second (the UNet: 1.00x), with the kept-memory
     * allocator that training uses; with glibc's defaults this layout faults twice as many pages and is slower.
     *
     * <p>1x1 convolutions do not go to oneDNN here: they are the matrix product they are ({@link #pointwise}).
     * libtorch 2.7.1's oneDNN NHWC 1x1 convolution (fp32, this AMD EPYC, one thread) computed wrong outputs for
     * some output channel counts, 36-44, 68-80, 100-112, 132-136, 164-176 and 196-208 among 4..256 (10-40% relative
     * error against float64, at AVX-512; right at AVX2), and single-threaded PyTorch hands a stride-1 1x1 convolution
     * to oneDNN only from batch 16 up. The {@code fast} net's heatmap convolution, 16 -> 68 and padded to 80 in
     * training, was one of them: at batch 32 four of its heatmaps were wrong (the eval-mode parity tests run batches
     * too small to reach oneDNN), and one epoch of fine-tuning went from val NME 4.95% to 7.01%. Its strided 1x1
     * kernel (ResNet's shortcuts) corrupted the heap (crash, "munmap_chunk(): invalid pointer") at AVX2 and AVX-512.
     * The 3x3, 5x5 and depthwise NHWC kernels agreed with float64 in every shape tried, while the default layout's
     * dense forward was wrong for most input channel counts above 16 that are not a multiple of 16 (above 8 and not
     * a multiple of 8 at AVX2); no current architecture has such a convolution.
     *
     * <p>One known difference: libtorch's channels-last batch norm sums its training statistics less accurately
     * (about 1e-5 relative against 1e-7). Through ReLU6 kinks that moves the gradients by about 1e-3 to 2e-2 against
     * float64, several times the default layout's deviation, and nothing in the losses of a training run.
     */
    static final boolean CHANNELS_LAST = !"false".equals(System.getProperty("facemark.channelsLast"));

    /** The same values with channels-last strides (a view when they already are, one copy otherwise). */
    static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        return x.transpose(0, 2, 3, 1).reshape(-1).reshape(n, h, w, c).transpose(0, 3, 1, 2);
    }

    /**
     * A 1x1 convolution (no padding, one group) on channels-last strides, computed as what it is: the matrix product of
     * the pixels' channel vectors [N*H*W, in] with the weights [in, out], plus the bias. The result is the [N, out, H, W]
     * view of an NHWC array, so the layout carries on to the next layer. A stride takes every stride-th pixel first.
     */
    static NDArray pointwise(NDArray x, NDArray w, NDArray b, Layer.Conv c) {
        NDArray in = c.stride() > 1 ? x.get(new NDIndex(":, :, ::{}, ::{}", c.stride(), c.stride())) : x;
        NDArray matrix = w.reshape(c.out(), c.in());
        matrix.attach(x.getManager()); // not the parameters' manager, which lives as long as the model (StepMemoryTest)
        NDArray y = Linear.linear(in.transpose(0, 2, 3, 1), matrix, b).singletonOrThrow();
        return y.transpose(0, 3, 1, 2);
    }

    /** [N, C*r*r, H, W] -> [N, C, H*r, W*r], channel c*r*r + dy*r + dx (PyTorch pixel_shuffle, ONNX CRD). */
    static NDArray depthToSpace(NDArray x, int r) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1) / ((long) r * r), h = s.get(2), w = s.get(3);
        return x.reshape(n, c, r, r, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, h * r, w * r);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long[] out = layer.outputShape(perSample(in));
        long[] full = new long[out.length + 1];
        full[0] = in.get(0);
        System.arraycopy(out, 0, full, 1, out.length);
        return new Shape[] {new Shape(full)};
    }

    private static long[] perSample(Shape s) {
        long[] a = s.getShape();
        long[] p = new long[a.length - 1];
        System.arraycopy(a, 1, p, 0, p.length);
        return p;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (layer instanceof Layer.Sequence) {
            Shape[] cur = inputShapes;
            for (LayerBlock p : parts) {
                p.initialize(manager, dataType, cur);
                cur = p.getOutputShapes(cur);
            }
        } else {
            for (Block p : parts) p.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public String toString() { return "LayerBlock(" + layer.kind() + ")"; }
}
