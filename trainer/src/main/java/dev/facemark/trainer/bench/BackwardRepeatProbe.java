package dev.facemark.trainer.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Diagnostic for issue 16: the same forward and backward pass, repeated on fixed weights and a fixed
 * input, should give the same gradients every time. Prints each pass that does not, with the parameters
 * whose gradients moved. Before {@link dev.facemark.trainer.model.NativeConstants}, one or two passes in 30 came
 * back with the early layers' gradients zero: ReLU6's bound of 6, a Java-backed scalar, had been freed by the
 * garbage collector before backward read it (none with -XX:+UseSerialGC; the CPU's instruction set did not
 * matter). Usage:
 * {@code java -cp "trainer/target/trainer.jar:trainer/target/lib/*" dev.facemark.trainer.bench.BackwardRepeatProbe [passes]}
 */
public final class BackwardRepeatProbe {
    private BackwardRepeatProbe() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ArchConfig d = Architectures.defaults("fast");
        LandmarkNet net = Architectures.create("fast", new ArchConfig(32, 32, 1, d.points(), d.options()));
        Shape in = new Shape(4, 1, 32, 32);
        float[] xs = new float[(int) in.size()];
        Random r = new Random(3);
        for (int i = 0; i < xs.length; i++) xs[i] = r.nextFloat();
        int odd = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            net.block().initialize(m, DataType.FLOAT32, in);
            List<Pair<String, Parameter>> ps = new ArrayList<>();
            for (Pair<String, Parameter> p : net.block().getParameters()) {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                    ps.add(p);
                }
            }
            List<float[]> base = null;
            for (int pass = 0; pass < passes; pass++) {
                List<float[]> g = new ArrayList<>();
                try (NDManager s = m.newSubManager()) {
                    NDArray x = s.create(xs, in);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray y = net.block().forward(new ParameterStore(s, false), new NDList(x), true).get(0);
                        gc.backward(y.abs().sum());
                    }
                    for (Pair<String, Parameter> p : ps) {
                        try (NDArray gr = p.getValue().getArray().getGradient()) {
                            g.add(gr.toFloatArray());
                            gr.set(new NDIndex(":"), 0f);
                        }
                    }
                }
                if (base == null) {
                    base = g;
                    continue;
                }
                List<String> moved = new ArrayList<>();
                for (int i = 0; i < g.size(); i++) if (!Arrays.equals(base.get(i), g.get(i))) moved.add(ps.get(i).getKey());
                if (!moved.isEmpty()) {
                    odd++;
                    System.out.println("pass " + (pass + 1) + ": gradients differ from pass 1 in " + moved.size() + " parameters, first "
                            + moved.get(0) + ", last " + moved.get(moved.size() - 1));
                }
            }
        }
        System.out.println(odd + " of " + (passes - 1) + " repeated passes differ from the first");
    }
}
