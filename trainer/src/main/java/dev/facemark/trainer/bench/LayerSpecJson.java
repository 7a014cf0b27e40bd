package dev.facemark.trainer.bench;

import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints an architecture's layer spec as JSON, the one the DJL block and the ONNX graph are built from, so the
 * PyTorch throughput script ({@code tools/bench/torch_throughput.py}) builds exactly the same layers.
 * Usage: {@code LayerSpecJson arch[:k=v,...]}.
 */
public final class LayerSpecJson {
    private LayerSpecJson() {}

    public static void main(String[] args) {
        LandmarkNet.offline();
        String s = args.length > 0 ? args[0] : "fast";
        String name = s.split(":")[0];
        ArchConfig c = Architectures.parse(s);
        LandmarkNet net = Architectures.create(name, c);
        System.out.println(json(net.spec()));
    }

    /** Records become objects with a "kind" (their simple name) and their components; lists become arrays. */
    static String json(Object o) {
        if (o == null) return "null";
        if (o instanceof String str) return '"' + str + '"';
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        if (o instanceof List<?> l) return l.stream().map(LayerSpecJson::json).collect(Collectors.joining(",", "[", "]"));
        if (o instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> json(e.getKey().toString()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (o instanceof float[] f) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < f.length; i++) b.append(i > 0 ? "," : "").append(f[i]);
            return b.append(']').toString();
        }
        if (o.getClass().isRecord()) {
            StringBuilder b = new StringBuilder("{\"kind\":").append(json(o.getClass().getSimpleName()));
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    b.append(',').append(json(rc.getName())).append(':').append(json(rc.getAccessor().invoke(o)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return b.append('}').toString();
        }
        throw new IllegalArgumentException("no JSON for " + o.getClass());
    }
}
