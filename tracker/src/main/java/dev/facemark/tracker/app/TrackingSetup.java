package dev.facemark.tracker.app;

import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.track.TrackerParams;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What a tracking run opens and how it tracks: the landmark model, the face detector, the runtime
 * they run on and the tracking parameters. A plain value, so that a front end checks its options once
 * and hands this on: the command line runs it in place, the batch job ships it to its executors,
 * which open the same model and detector there (hence Serializable, and the model a string: a
 * {@link Path} is not).
 *
 * @param model    a model file, or the name of one packaged from models/ ({@link PackagedModels}); null: the packaged default
 * @param detector the detector as {@link Detectors#open} spells it (yunet, haar, yunet:PATH)
 * @param runtime  ONNX Runtime threads and device
 * @param flipTest also run each face mirrored and average the two answers; null: as the model's metadata says
 *                 ({@link LandmarkModel#flipTestByDefault()}: off for the shipped models, on for one marked with {@code trainer flip-test})
 * @param params   how faces are followed from frame to frame
 */
public record TrackingSetup(String model, String detector, RuntimeOptions runtime, Boolean flipTest, TrackerParams params)
        implements Serializable {
    /** The same setup with changed tracking parameters, e.g. {@code withParams(p -> p.withHeatmaps(true))}. */
    public TrackingSetup withParams(UnaryOperator<TrackerParams> change) {
        return new TrackingSetup(model, detector, runtime, flipTest, change.apply(params));
    }

    /** The landmark model: the file when it exists, else the packaged model of that name, else the file's own open error. */
    public LandmarkModel openModel() {
        String packaged = model == null ? PackagedModels.DEFAULT : Files.exists(Path.of(model)) ? null : PackagedModels.resource(Path.of(model));
        LandmarkModel m = packaged != null ? PackagedModels.open(packaged, runtime) : LandmarkModel.open(Path.of(model), runtime);
        try {
            return flipTest == null ? m : m.setFlipTest(flipTest);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    public FaceDetector openDetector() { return Detectors.open(detector); }
}
