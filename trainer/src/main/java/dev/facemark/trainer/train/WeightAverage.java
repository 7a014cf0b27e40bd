package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of a network's weights ({@code trainer train --ema DECAY}). After every step
 * that was taken, {@code shadow = d * shadow + (1 - d) * weight} with {@code d = min(DECAY, (1 + t) / (10 + t))} at
 * update {@code t}: the warm-up keeps the first epochs from being dominated by the initial weights. Every
 * parameter is averaged, the batch-norm running statistics too: PyTorch updates those in place during training
 * forward passes, and the averaged weights need statistics that belong to them.
 *
 * <p>The shadows live on a manager that lasts the run. {@link #swap()} exchanges the contents of parameters and
 * shadows in place, because the Trainer keeps the parameter arrays it first saw: a new array would go unseen.
 */
public final class WeightAverage {
    /** The shadows and update count in a checkpoint folder (written with NDList.encode). */
    public static final String FILE = "ema.bin";
    private static final String UPDATES = "#updates"; // no parameter path has a '#'
    private static final NDIndex ALL = new NDIndex(":");

    private final float decay;
    private final PairList<String, Parameter> parameters;
    private final NDManager manager;
    private final Map<String, NDArray> shadows = new LinkedHashMap<>();
    private long updates;

    private WeightAverage() {
        this.decay = 0;
        this.parameters = new PairList<>();
        this.manager = null;
    }

    /** No average ({@code --ema 0}): every method does nothing. */
    public static WeightAverage off() { return new WeightAverage(); }

    /**
     * Starts the average at the parameters' current values: the random init, a checkpoint's weights or an
     * {@code --init} model's. The shadows are made on {@code manager}, which must outlive this object's use.
     */
    public WeightAverage(PairList<String, Parameter> parameters, float decay, NDManager manager) {
        if (!(decay > 0 && decay < 1)) throw new IllegalArgumentException("weight average decay must be in (0, 1), got " + decay);
        this.decay = decay;
        this.parameters = parameters;
        this.manager = manager;
        for (Pair<String, Parameter> p : parameters) {
            NDArray s = p.getValue().getArray().duplicate();
            s.attach(manager); // off the model's manager: close() and load() free what they replace
            shadows.put(p.getKey(), s);
        }
    }

    public boolean on() { return decay > 0; }
    public float decay() { return decay; }
    /** Updates so far (drives the warm-up; saved with the shadows). */
    public long updates() { return updates; }

    /** Decay of update number {@code t} (0-based). */
    static float decayAt(float decay, long t) {
        return (float) Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /** Folds the current weights into the average; call after each step that changed them. */
    public void update() {
        if (!on()) return;
        float d = decayAt(decay, updates);
        for (Pair<String, Parameter> p : parameters) {
            NDArray s = shadows.get(p.getKey());
            s.muli(d); // the scalar overloads close their scalar
            try (NDArray part = p.getValue().getArray().mul(1 - d)) {
                s.addi(part);
            }
        }
        updates++;
    }

    /** Exchanges parameter and shadow contents, bit for bit; twice restores both. */
    void swap() {
        for (Pair<String, Parameter> p : parameters) {
            NDArray w = p.getValue().getArray(), s = shadows.get(p.getKey());
            try (NDArray raw = w.duplicate()) {
                w.set(ALL, s); // an NDArray value: no scalar left behind (unlike set(index, Number))
                s.set(ALL, raw);
            }
        }
    }

    /** What runs with the averaged weights in the model. */
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work} with the averaged weights in the model and puts the raw ones back after, exception or not. */
    public <T, E extends Exception> T applied(Work<T, E> work) throws E {
        swap();
        try {
            return work.run();
        } finally {
            swap();
        }
    }

    /** Writes shadows (by parameter path) and the update count; nothing when off. */
    public void save(Path file) throws IOException {
        if (!on()) return;
        NDList list = new NDList();
        shadows.forEach((name, s) -> {
            s.setName(name);
            list.add(s);
        });
        try (NDArray n = manager.create(new long[] {updates})) {
            n.setName(UPDATES);
            list.add(n);
            try (OutputStream os = Files.newOutputStream(file)) {
                list.encode(os);
            }
        }
    }

    /** Restores what {@link #save} wrote; the file must hold a shadow of every parameter, in its shape. */
    public void load(Path file) throws IOException {
        if (!on()) return;
        Map<String, NDArray> loaded = new HashMap<>();
        try (InputStream is = Files.newInputStream(file)) {
            for (NDArray a : NDList.decode(manager, is)) loaded.put(a.getName(), a);
        }
        String problem = problem(loaded);
        if (problem != null) {
            loaded.values().forEach(NDArray::close);
            throw new IOException(file + ": " + problem);
        }
        try (NDArray n = loaded.remove(UPDATES)) {
            updates = n.toLongArray()[0];
        }
        for (var e : shadows.entrySet()) {
            e.getValue().close();
            e.setValue(loaded.get(e.getKey()));
        }
    }

    private String problem(Map<String, NDArray> loaded) {
        if (!loaded.containsKey(UPDATES)) return "no update count: not a weight average file";
        for (var e : shadows.entrySet()) {
            NDArray a = loaded.get(e.getKey());
            if (a == null) return "no average of parameter " + e.getKey();
            if (!a.getShape().equals(e.getValue().getShape())) {
                return "average of " + e.getKey() + " is " + a.getShape() + ", the parameter " + e.getValue().getShape();
            }
        }
        if (loaded.size() != shadows.size() + 1) return "averages of parameters this network does not have";
        return null;
    }
}
