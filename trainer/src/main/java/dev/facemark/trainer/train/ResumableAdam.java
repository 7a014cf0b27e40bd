package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam and AdamW whose moment estimates can be saved and loaded, so a killed run resumes exactly
 * where it stopped (DJL's own Adam keeps its state private). AdamW decays weights directly
 * ({@code w -= lr * wd * w}); Adam adds {@code wd * w} to the gradient (L2). The learning rate is
 * set per step by the caller from the run's schedule.
 */
public final class ResumableAdam extends Optimizer {
    private final boolean decoupled;
    private final float beta1, beta2, epsilon, weightDecay;
    private final NDManager stateManager;
    private final Map<String, String> nameOfId = new HashMap<>();
    private final Map<String, NDArray[]> moments = new HashMap<>();
    private final Map<String, Long> steps = new HashMap<>();
    private float learningRate;

    public ResumableAdam(boolean decoupled, float learningRate, float weightDecay, NDManager stateManager) {
        super(new NoBuilder());
        this.decoupled = decoupled;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.beta1 = 0.9f;
        this.beta2 = 0.999f;
        this.epsilon = 1e-8f;
        this.stateManager = stateManager;
    }

    /** Maps DJL's random parameter ids to their stable path names (needed to save and reload state). */
    public void bind(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> p : parameters) nameOfId.put(p.getValue().getId(), p.getKey());
    }

    public void setLearningRate(float lr) { this.learningRate = lr; }
    public float learningRate() { return learningRate; }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        String key = nameOfId.getOrDefault(parameterId, parameterId);
        NDArray[] mv = moments.computeIfAbsent(key, k -> {
            NDArray m = stateManager.zeros(weight.getShape(), weight.getDataType());
            NDArray v = stateManager.zeros(weight.getShape(), weight.getDataType());
            return new NDArray[] {m, v};
        });
        long t = steps.merge(key, 1L, Long::sum);
        double bc1 = 1 - Math.pow(beta1, t), bc2 = 1 - Math.pow(beta2, t);
        // PyTorch's step lr * m^ / (sqrt(v^) + eps), written as (lr * sqrt(bc2) / bc1) * m / (sqrt(v) + eps * sqrt(bc2)).
        float stepSize = (float) (learningRate * Math.sqrt(bc2) / bc1);
        float eps = (float) (epsilon * Math.sqrt(bc2));
        // The engine's fused update: one native call a parameter instead of a dozen array operations (and their
        // Java handles) each. It works on a copy of grad, updates weight, m and v in place, and clears the
        // weight's own gradient, which TrainStep then need not clear.
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mv[0], mv[1]), new NDList(weight),
                learningRate, stepSize, weightDecay, 1f, -1f, beta1, beta2, eps, false, decoupled);
    }

    /** Writes moments and step counts, keyed by parameter path name. */
    public void save(Path file) throws IOException {
        NDList list = new NDList();
        for (var e : moments.entrySet()) {
            NDArray m = e.getValue()[0], v = e.getValue()[1];
            m.setName(e.getKey() + "#m");
            v.setName(e.getKey() + "#v");
            list.add(m);
            list.add(v);
        }
        Map<String, Long> st = new HashMap<>(steps);
        try (OutputStream os = Files.newOutputStream(file)) {
            list.encode(os);
        }
        StringBuilder sb = new StringBuilder();
        st.forEach((k, n) -> sb.append(k).append('\t').append(n).append('\n'));
        Files.writeString(file.resolveSibling(file.getFileName() + ".steps"), sb.toString());
    }

    /** Restores state written by {@link #save}. */
    public void load(Path file) throws IOException {
        NDList list;
        try (InputStream is = Files.newInputStream(file)) {
            list = NDList.decode(stateManager, is);
        }
        Map<String, NDArray[]> loaded = new HashMap<>();
        for (NDArray a : list) {
            String n = a.getName();
            String key = n.substring(0, n.length() - 2);
            NDArray[] mv = loaded.computeIfAbsent(key, k -> new NDArray[2]);
            mv[n.endsWith("#m") ? 0 : 1] = a;
        }
        moments.clear();
        moments.putAll(loaded);
        steps.clear();
        for (String line : Files.readAllLines(file.resolveSibling(file.getFileName() + ".steps"))) {
            if (line.isBlank()) continue;
            int tab = line.lastIndexOf('\t');
            steps.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
        }
    }

    private static final class NoBuilder extends OptimizerBuilder<NoBuilder> {
        @Override protected NoBuilder self() { return this; }
    }
}
