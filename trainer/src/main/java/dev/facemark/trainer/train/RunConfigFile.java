package dev.facemark.trainer.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.facemark.trainer.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run folder's {@code config.json}: the {@link TrainConfig} it was started with. Reads the grouped form
 * written since session 8 and the flat one of earlier runs, so run folders of either age resume.
 */
public final class RunConfigFile {
    public static final String NAME = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunConfigFile() {}

    public static void write(Path runDir, TrainConfig cfg) throws IOException {
        JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(runDir.resolve(NAME).toFile(), cfg);
    }

    public static TrainConfig read(Path runDir) throws IOException {
        Path f = runDir.resolve(NAME);
        if (!Files.isRegularFile(f)) throw new BadInputException("no " + NAME + " in " + runDir + ": not a run folder (train with --out first)");
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return n.has("network") ? JSON.treeToValue(n, TrainConfig.class) : flat(n);
        } catch (JsonProcessingException e) {
            throw unreadable(f, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw unreadable(f, e.getMessage());
        }
    }

    private static BadInputException unreadable(Path f, String why) {
        return new BadInputException(f + " is not a training config this trainer reads (" + why + "): start a new run folder");
    }

    /** The one-record form of runs saved before the config was grouped; their split seed was the run's seed. */
    static TrainConfig flat(JsonNode n) {
        Map<String, String> options = new TreeMap<>();
        n.path("archOptions").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        List<String> datasets = new ArrayList<>();
        n.path("datasets").forEach(d -> datasets.add(d.asText()));
        long seed = required(n, "seed").asLong();
        return new TrainConfig(
                new TrainConfig.Network(required(n, "arch").asText(), options, n.path("inputWidth").asInt(0),
                        n.path("inputHeight").asInt(0), n.path("channels").asInt(0)),
                new TrainConfig.Data(datasets, required(n, "dataRoot").asText(), n.path("valFraction").asDouble(0.1), seed,
                        n.path("maxFaces").asInt(0), n.path("augment").asBoolean(true), (float) n.path("detectorBoxes").asDouble(0), 0f, 0f, 0f),
                new TrainConfig.Schedule(required(n, "epochs").asInt(), required(n, "batch").asInt(), (float) required(n, "lr").asDouble(),
                        (float) n.path("warmupEpochs").asDouble(0), n.path("patience").asInt(0)),
                new TrainConfig.Optimisation(CoordinateLoss.parse(n.path("loss").asText("l1")),
                        AdamVariant.parse(n.path("optimizer").asText("adamw")), (float) n.path("weightDecay").asDouble(0),
                        (float) n.path("clipGrad").asDouble(0), 0f),
                new TrainConfig.Compute(n.path("threads").asInt(1), n.path("workers").asInt(1), n.path("cacheMb").asInt(1500)),
                seed, n.path("exportOnnx").asBoolean(true));
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("no '" + field + "'");
        return v;
    }
}
