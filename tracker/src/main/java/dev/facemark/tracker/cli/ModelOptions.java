package dev.facemark.tracker.cli;

import dev.facemark.core.runtime.Device;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.track.TrackerParams;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Options every tracking command shares: model, detector, runtime, tracking. */
public final class ModelOptions {
    /** The model packaged in the tracker jar (from the repository's models/ folder). */
    public static final String PACKAGED_MODEL = "models/fast.onnx";
    /** The models the repository ships in models/, which the jar packages by name. */
    static final String PACKAGED_NAMES = "fast, fast75, accurate";

    @Option(names = "--model", paramLabel = "M.onnx", description = "landmark model file, or the name of one packaged from models/ "
            + "(" + PACKAGED_NAMES + ") (default: the packaged " + PACKAGED_MODEL + ")")
    Path model;

    @Mixin InferenceOptions inference = new InferenceOptions();

    @Option(names = "--flip-test", description = "also run each face mirrored and average the two answers: "
            + "twice the inference for steadier, usually more accurate points")
    boolean flipTest;

    @Mixin TrackingOptions tracking = new TrackingOptions();

    /** The {@code --detector} value. */
    public String detector() { return inference.detector(); }

    public LandmarkModel openModel() {
        RuntimeOptions ro = inference.runtime();
        String packaged = null;
        if (model == null) {
            packaged = PACKAGED_MODEL;
        } else if (!java.nio.file.Files.exists(model)) {
            packaged = packagedName(model);
            // A bare name is most likely a mistyped packaged model; a path keeps the file-not-found message.
            if (packaged == null && model.getParent() == null) {
                throw new UserError("--model " + model + ": no such file, and no model of that name is packaged in this jar (packaged: "
                        + String.join(", ", packagedNames()) + "); pass one of those names or a path to an .onnx file");
            }
        }
        LandmarkModel m = packaged != null ? openPackaged(packaged, ro) : LandmarkModel.open(model, ro);
        try {
            return m.setFlipTest(flipTest);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** The names of the models this jar packages, of those the repository ships. */
    static java.util.List<String> packagedNames() {
        return java.util.Arrays.stream(PACKAGED_NAMES.split(", ")).filter(n -> packagedName(Path.of(n)) != null).toList();
    }

    /** "fast75" or "fast75.onnx" (no folder) names a model packaged from models/, if the jar has it; else null. */
    static String packagedName(Path m) {
        if (m.getParent() != null) return null;
        String name = m.toString().endsWith(".onnx") ? m.toString() : m + ".onnx";
        String resource = "models/" + name;
        return ModelOptions.class.getClassLoader().getResource(resource) != null ? resource : null;
    }

    private static LandmarkModel openPackaged(String resource, RuntimeOptions ro) {
        try (InputStream in = ModelOptions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UserError("no landmark model: this build has no packaged " + resource
                        + " (train and export one with the trainer); pass --model PATH/TO/model.onnx");
            }
            return LandmarkModel.open(in.readAllBytes(), resource + " (packaged)", ro);
        } catch (IOException e) {
            throw new UserError("cannot read the packaged " + resource + ": " + e.getMessage());
        }
    }

    public TrackerParams trackerParams() { return tracking.trackerParams(); }
}
