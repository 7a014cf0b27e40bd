package dev.facemark.core.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import dev.facemark.core.Snippet;
import dev.facemark.core.model.ContractException;
import dev.facemark.core.model.ModelContract;

import java.util.Arrays;
import java.util.Map;

/**
 * Checks a session's tensors against the model's contract, so that a model exported with the wrong
 * input size or channel count fails when it is opened, with a message naming the file, instead of
 * producing garbage points.
 *
 * @param batch the model's batch dimension: -1 when dynamic (all faces of a frame go in one run),
 *              otherwise the fixed batch size the runtime must pad to (at most {@value #MAX_FIXED_BATCH})
 */
public record ModelSignature(int batch) {
    /** Largest fixed batch dimension accepted: the runtime pads every run to it. */
    public static final int MAX_FIXED_BATCH = 64;

    /**
     * Checks the graph's input against the contract and its outputs against {@code outputs}, the shapes the
     * head's decoder reads (any batch in dimension 0), and that every fixed batch dimension agrees.
     */
    static ModelSignature check(Map<String, NodeInfo> inputs, Map<String, NodeInfo> graphOutputs, ModelContract c,
                                Map<String, long[]> outputs, String file) {
        long[] in = tensor(inputs, ModelContract.INPUT_NAME, "input", file);
        expect(in, new long[] {-1, c.channels(), c.inputHeight(), c.inputWidth()}, "input '" + ModelContract.INPUT_NAME + "'", file);
        if (in[0] > MAX_FIXED_BATCH) {
            throw new ContractException(file + ": input '" + ModelContract.INPUT_NAME + "' has a fixed batch of " + in[0]
                    + " faces, more than the " + MAX_FIXED_BATCH + " the runtime pads to; export it with a dynamic batch");
        }
        int batch = in[0] > 0 ? (int) in[0] : -1;
        for (Map.Entry<String, long[]> o : outputs.entrySet()) {
            long[] actual = tensor(graphOutputs, o.getKey(), "output", file);
            expect(actual, o.getValue(), "output '" + o.getKey() + "'", file);
            if (actual[0] > 0 && actual[0] != batch) {
                throw new ContractException(file + ": input batch " + (batch < 0 ? "N (dynamic)" : batch) + " but output '" + o.getKey()
                        + "' batch " + actual[0] + "; re-export it");
            }
        }
        return new ModelSignature(batch);
    }

    private static long[] tensor(Map<String, NodeInfo> nodes, String name, String what, String file) {
        NodeInfo n = nodes.get(name);
        if (n == null) {
            throw new ContractException(file + ": the model has no " + what + " named '" + name + "' (it has "
                    + names(nodes) + "); re-export it with 'trainer export'");
        }
        if (!(n.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
            throw new ContractException(file + ": " + what + " '" + name + "' must be a float32 tensor, is " + Snippet.clean(String.valueOf(n.getInfo())));
        }
        return t.getShape();
    }

    /** Dimension 0 is the batch and may be anything; a -1 (symbolic) anywhere else is accepted too. */
    private static void expect(long[] actual, long[] expected, String what, String file) {
        boolean ok = actual.length == expected.length;
        for (int i = 1; ok && i < actual.length; i++) ok = actual[i] < 0 || actual[i] == expected[i];
        if (!ok) {
            throw new ContractException(file + ": " + what + " has shape " + shape(actual) + " but its contract says "
                    + shape(expected) + " (N = batch); the file's metadata does not match its graph, re-export it");
        }
    }

    /** The names a graph has, quoted (they come from the file), at most five. */
    private static String names(Map<String, NodeInfo> nodes) {
        if (nodes.isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String n : nodes.keySet()) {
            if (i > 0) sb.append(", ");
            if (i++ == 5) return sb.append("...").toString();
            sb.append(Snippet.quote(n));
        }
        return sb.toString();
    }

    private static String shape(long[] s) {
        return Arrays.toString(Arrays.stream(s).mapToObj(v -> v < 0 ? "N" : Long.toString(v)).toArray());
    }
}
