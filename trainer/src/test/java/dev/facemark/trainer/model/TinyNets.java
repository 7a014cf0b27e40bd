package dev.facemark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.points.PointScheme;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;

/** Small instances of every architecture for fast tests, and helpers to make their parameters non-trivial. */
public final class TinyNets {
    private TinyNets() {}

    public static ArchConfig config(String name) {
        return switch (name) {
            case "nose" -> new ArchConfig(56, 48, 1, 1, Map.of("width", "0.5"));
            case "fullface" -> new ArchConfig(96, 80, 1, 68, Map.of("width", "0.5", "hidden", "16"));
            case "resnet18" -> new ArchConfig(32, 32, 1, 68, Map.of("width", "0.0625"));
            case "unet" -> new ArchConfig(16, 16, 1, 68, Map.of("variant", "small", "base", "4"));
            case "fast" -> new ArchConfig(32, 32, 1, 68, Map.of("width", "0.25"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static PointScheme scheme(int points) { return points == 1 ? PointScheme.NOSE_TIP : PointScheme.IBUG_68; }

    public static ModelContract contract(LandmarkNet net) {
        return net.contract("tiny-" + net.architecture(), scheme(net.points()), Normalization.GREY_UNIT, BoxPolicy.DEFAULT,
                Map.of("training_data", "none (random weights)", "trainer_version", "test"));
    }

    /**
     * Random biases, BN affine and running statistics (so eval-mode BN is not the identity), and a smaller
     * last layer so outputs stay O(1) like a trained model's.
     */
    public static void randomise(LandmarkNet net, long seed) {
        Random r = new Random(seed);
        for (var e : net.block().getParameters()) {
            Parameter p = e.getValue();
            NDArray a = p.getArray();
            float[] v = a.toFloatArray();
            switch (p.getType()) {
                case BIAS, BETA, RUNNING_MEAN -> { for (int i = 0; i < v.length; i++) v[i] = (float) (0.2 * r.nextGaussian()); }
                case GAMMA -> { for (int i = 0; i < v.length; i++) v[i] = 0.5f + r.nextFloat(); }
                case RUNNING_VAR -> { for (int i = 0; i < v.length; i++) v[i] = 0.3f + 1.5f * r.nextFloat(); }
                default -> { }
            }
            a.set(FloatBuffer.wrap(v));
        }
        // The output layer (last weight and everything after it): shrink it so regressors predict |u| ~ 1 and
        // heatmap logits stay moderate, as in a trained model.
        var params = net.block().getParameters().values();
        int last = 0;
        for (int i = 0; i < params.size(); i++) if (params.get(i).getType() == Parameter.Type.WEIGHT) last = i;
        for (int i = last; i < params.size(); i++) {
            NDArray a = params.get(i).getArray();
            a.set(FloatBuffer.wrap(scale(a.toFloatArray(), 0.1f)));
        }
    }

    private static float[] scale(float[] v, float s) {
        for (int i = 0; i < v.length; i++) v[i] *= s;
        return v;
    }

    /**
     * Initialised and randomised, the same net for the same seed: the initialisers draw from libtorch's generator,
     * which is seeded here (unseeded, every JVM drew another net, so a tolerance held or failed by chance).
     */
    public static LandmarkNet create(String name, NDManager manager, long seed) {
        LandmarkNet net = Architectures.create(name, config(name));
        manager.getEngine().setRandomSeed((int) seed);
        net.initialize(manager);
        randomise(net, seed);
        return net;
    }
}
