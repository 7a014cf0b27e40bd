package dev.facemark.trainer.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.facemark.core.model.ContractException;
import dev.facemark.core.model.ModelContract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A training checkpoint folder: everything {@code trainer export} needs to rebuild the network and write the
 * ONNX file, without the training code.
 *
 * <pre>
 * DIR/checkpoint.json    {"format": "facemark-checkpoint/1", "architecture": "fast",
 *                         "config": {"width": 112, "height": 112, "channels": 1, "points": 68, "options": {...}},
 *                         "contract": {ModelContract.toMetadata() entries}}
 * DIR/model-NNNN.params  DJL parameters written by Model.save(DIR, "model") (latest epoch wins on load)
 * </pre>
 *
 * A loaded checkpoint owns the DJL {@link Model} holding the parameters: close it when done.
 */
public final class Checkpoint implements AutoCloseable {
    public static final String JSON = "checkpoint.json";
    public static final String PREFIX = "model";
    public static final String FORMAT = "facemark-checkpoint/1";
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final LandmarkNet net;
    private final ModelContract contract;
    private final Model model;

    private Checkpoint(LandmarkNet net, ModelContract contract, Model model) {
        this.net = net;
        this.contract = contract;
        this.model = model;
    }

    public LandmarkNet net() { return net; }
    public ModelContract contract() { return contract; }

    /**
     * Saves with the training run's own {@link Model} (whose block must be {@code net.block()}); the Model's
     * "Epoch" property, if set, numbers the params file.
     */
    public static void save(Path dir, Model model, LandmarkNet net, ModelContract contract) throws IOException {
        if (model.getBlock() != net.block()) throw new IllegalArgumentException("the model's block is not this network's block");
        Files.createDirectories(dir);
        model.save(dir, PREFIX);
        writeJson(dir, net, contract);
    }

    /** Saves an initialised network that has no Model of its own (tests, exports of fresh networks). */
    public static void save(Path dir, LandmarkNet net, ModelContract contract) throws IOException {
        LandmarkNet.offline();
        try (Model m = Model.newInstance(PREFIX)) {
            m.setBlock(net.block());
            save(dir, m, net, contract);
        }
    }

    private static void writeJson(Path dir, LandmarkNet net, ModelContract contract) throws IOException {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("width", net.config().width());
        cfg.put("height", net.config().height());
        cfg.put("channels", net.config().channels());
        cfg.put("points", net.config().points());
        cfg.put("options", new TreeMap<>(net.config().options()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("architecture", net.architecture());
        root.put("config", cfg);
        root.put("contract", contract.toMetadata());
        JSON_MAPPER.writeValue(dir.resolve(JSON).toFile(), root);
    }

    /**
     * Loads a checkpoint folder: rebuilds the architecture from the JSON and loads the parameters.
     *
     * @throws IllegalArgumentException one line naming the folder/file and what is wrong
     */
    public static Checkpoint load(Path dir) throws IOException {
        Path json = dir.resolve(JSON);
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("checkpoint folder " + dir + " does not exist");
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException(dir + " is not a checkpoint: " + JSON + " is missing (train writes it with Checkpoint.save)");
        }
        Map<String, Object> root;
        try {
            root = JSON_MAPPER.readValue(json.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException(json + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException(json + ": format must be '" + FORMAT + "', got '" + root.get("format") + "'");
        }
        Object arch = root.get("architecture");
        if (!(arch instanceof String)) throw new IllegalArgumentException(json + ": 'architecture' is missing");
        ArchConfig config = readConfig(json, root.get("config"));
        ModelContract contract;
        try {
            contract = ModelContract.fromMetadata(stringMap(json, root.get("contract"), "contract"), json.toString());
        } catch (ContractException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        LandmarkNet net = Architectures.create((String) arch, config);
        LandmarkNet.offline();
        Model model = Model.newInstance(PREFIX);
        try {
            model.setBlock(net.block());
            model.setDataType(DataType.FLOAT32);
            model.load(dir, PREFIX);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("cannot load the parameters in " + dir + " (" + PREFIX + "-NNNN.params) for "
                    + arch + ": " + e.getMessage());
        }
        return new Checkpoint(net, contract, model);
    }

    private static ArchConfig readConfig(Path json, Object o) {
        if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException(json + ": 'config' is missing");
        try {
            return new ArchConfig(num(m, "width"), num(m, "height"), num(m, "channels"), num(m, "points"),
                    m.get("options") == null ? Map.of() : stringMap(json, m.get("options"), "config.options"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(json + ": config: " + e.getMessage());
        }
    }

    private static int num(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) throw new IllegalArgumentException("'" + key + "' must be a number");
        return n.intValue();
    }

    private static Map<String, String> stringMap(Path json, Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException(json + ": '" + what + "' is missing");
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    @Override
    public void close() { model.close(); }
}
