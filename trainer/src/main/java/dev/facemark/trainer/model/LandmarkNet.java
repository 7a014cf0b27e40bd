package dev.facemark.trainer.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.points.PointScheme;

import java.util.Map;

/**
 * A landmark network ready to train or export: its architecture name and config, its {@link NetSpec}
 * (when built from one), and the DJL {@link #block()}.
 *
 * <p>Contract of {@code block().forward(NDList{input [N, C, H, W]})}: NDList{landmarks [N, P, 2]} in
 * model-input pixel coordinates (pixel-centre convention, 0-based, top-left pixel centre at (0, 0)), and for
 * {@link OutputKind#HEATMAPS} also heatmaps [N, P, h, w] (each map sums to 1).
 */
public final class LandmarkNet {
    static { offline(); }

    /** DJL must not try to download engines or models: set {@code ai.djl.offline} before the engine starts. */
    public static void offline() {
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
    }

    private final String architecture;
    private final ArchConfig config;
    private final NetSpec spec;
    private final LandmarkBlock block;

    /** Builds the DJL block from a spec. */
    public LandmarkNet(String architecture, ArchConfig config, NetSpec spec) {
        this(architecture, config, spec, new LandmarkBlock(new LayerBlock(spec.body()), spec.head()));
    }

    /** For tests and experiments: any DJL body (the exporter only accepts bodies built from {@link Layer}s). */
    public LandmarkNet(String architecture, ArchConfig config, NetSpec spec, LandmarkBlock block) {
        this.architecture = architecture;
        this.config = config;
        this.spec = spec;
        this.block = block;
    }

    public String architecture() { return architecture; }
    public ArchConfig config() { return config; }
    public NetSpec spec() { return spec; }
    public LandmarkBlock block() { return block; }
    public Block body() { return block.body(); }
    public Head head() { return spec.head(); }
    public int points() { return spec.head().points(); }

    /** [1, C, H, W]; use {@code inputShape(n)} for other batch sizes. */
    public Shape inputShape() { return inputShape(1); }
    public Shape inputShape(long batch) { return new Shape(batch, spec.channels(), spec.height(), spec.width()); }

    public OutputKind outputKind() {
        return spec.head() instanceof Head.Heatmaps ? OutputKind.HEATMAPS : OutputKind.COORDINATES;
    }
    public int heatmapWidth() { return spec.head() instanceof Head.Heatmaps h ? h.width() : 0; }
    public int heatmapHeight() { return spec.head() instanceof Head.Heatmaps h ? h.height() : 0; }

    /** Learnable parameters (BN running statistics excluded). */
    public long parameterCount() { return spec.parameters(); }

    /** Multiply-accumulates per face; FLOPs are about twice this. */
    public long macs() { return spec.macs(); }

    /** Initialises all parameters (He-normal weights, zero biases, BN gamma 1 beta 0, running stats 0/1). */
    public LandmarkNet initialize(NDManager manager) {
        block.initialize(manager, DataType.FLOAT32, inputShape());
        return this;
    }

    /** Inference forward pass (BN uses running statistics). */
    public NDList predict(NDManager manager, NDList input) {
        return block.forward(new ParameterStore(manager, false), input, false);
    }

    /**
     * A contract that matches this network's input and outputs (size, channels, points, output kind, heatmap
     * size); calibrations start empty (the built-in detector defaults apply until {@code trainer calibrate}).
     */
    public ModelContract contract(String name, PointScheme scheme, Normalization normalization, BoxPolicy boxPolicy,
                                  Map<String, String> provenance) {
        if (scheme.count() != points()) {
            throw new IllegalArgumentException("scheme " + scheme + " has " + scheme.count() + " points but the network predicts " + points());
        }
        if (normalization.channels() != spec.channels()) {
            throw new IllegalArgumentException("normalisation has " + normalization.channels() + " channels but the network takes " + spec.channels());
        }
        return new ModelContract(name, architecture, scheme, spec.width(), spec.height(), normalization, boxPolicy,
                outputKind(), heatmapWidth(), heatmapHeight(), Map.of(), provenance);
    }

    @Override
    public String toString() {
        return String.format("%s %dx%dx%d -> %d points (%s), %,d params, %.3f GFLOPs", architecture, spec.channels(),
                spec.height(), spec.width(), points(), outputKind().name().toLowerCase(), parameterCount(), 2e-9 * macs());
    }
}
