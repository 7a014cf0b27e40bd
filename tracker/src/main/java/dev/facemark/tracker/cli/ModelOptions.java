package dev.facemark.tracker.cli;

import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.app.PackagedModels;
import dev.facemark.tracker.app.TrackingSetup;
import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.track.TrackerParams;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Options every tracking command shares: model, detector, runtime, tracking; checked into one {@link TrackingSetup}. */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "M.onnx", description = "landmark model file, or the name of one packaged from models/ "
            + "(" + PackagedModels.NAMES + ") (default: the packaged " + PackagedModels.DEFAULT + ")")
    Path model;

    @Mixin InferenceOptions inference = new InferenceOptions();

    @Option(names = "--flip-test", negatable = true, description = "also run each face mirrored and average the two answers: "
            + "twice the inference for steadier, usually more accurate points (default: as the model says; off for the shipped models)")
    Boolean flipTest;

    @Mixin TrackingOptions tracking = new TrackingOptions();

    /** The {@code --detector} value. */
    public String detector() { return inference.detector(); }

    /** What these options open and track with; a bad value is a {@link UserError} naming its option. */
    public TrackingSetup setup() {
        TrackerParams params = tracking.trackerParams();
        RuntimeOptions ro = inference.runtime();
        // A bare name that is neither a file nor packaged is most likely a mistyped packaged model; a path keeps the file-not-found message.
        if (model != null && !Files.exists(model) && model.getParent() == null && PackagedModels.resource(model) == null) {
            throw new UserError("--model " + model + ": no such file, and no model of that name is packaged in this jar (packaged: "
                    + String.join(", ", PackagedModels.names()) + "); pass one of those names or a path to an .onnx file");
        }
        return new TrackingSetup(model == null ? null : model.toString(), detector(), ro, flipTest, params);
    }

    public LandmarkModel openModel() { return setup().openModel(); }
}
