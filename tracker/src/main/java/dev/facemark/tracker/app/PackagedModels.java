package dev.facemark.tracker.app;

import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The landmark models the tracker jar packages from the repository's models/ folder, found by name. */
public final class PackagedModels {
    /** The model opened when none is named. */
    public static final String DEFAULT = "models/fast.onnx";
    /** The models the repository ships in models/, which the jar packages by name. */
    public static final String NAMES = "fast, lite, accurate";

    private PackagedModels() {}

    /** The names of the models this jar packages, of those the repository ships. */
    public static List<String> names() {
        return Arrays.stream(NAMES.split(", ")).filter(n -> resource(Path.of(n)) != null).toList();
    }

    /** "lite" or "lite.onnx" (no folder) names a model packaged from models/, if the jar has it; else null. */
    public static String resource(Path m) {
        if (m.getParent() != null) return null;
        String name = m.toString().endsWith(".onnx") ? m.toString() : m + ".onnx";
        String resource = "models/" + name;
        return PackagedModels.class.getClassLoader().getResource(resource) != null ? resource : null;
    }

    /** Opens a packaged model by its {@link #resource} name. */
    public static LandmarkModel open(String resource, RuntimeOptions ro) {
        try (InputStream in = PackagedModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UserError("no landmark model: this build has no packaged " + resource
                        + " (train and export one with the trainer); pass --model PATH/TO/model.onnx");
            }
            return LandmarkModel.open(in.readAllBytes(), resource + " (packaged)", ro);
        } catch (IOException e) {
            throw new UserError("cannot read the packaged " + resource + ": " + e.getMessage());
        }
    }
}
