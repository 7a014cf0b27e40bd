package dev.facemark.trainer.cli;

import dev.facemark.core.detect.DetectorException;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.detect.YuNetDetector;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The face detector option {@code trainer eval} and {@code trainer calibrate} share with the
 * tracker: {@code --detector yunet|haar|yunet:PATH}, parsed by core's {@link Detectors}; a bare
 * {@code yunet} is the model packaged in the core jar (or the deprecated {@code --yunet-model PATH}). Maps core's {@link DetectorException} to the one-line {@link UserException}.
 */
public final class DetectorOption {
    @Option(names = "--detector", paramLabel = "yunet|haar|yunet:PATH",
            description = "face detector: yunet (packaged, the default), haar (OpenCV's cascade), or yunet:PATH/TO/" + YuNetDetector.MODEL_FILE)
    String detector;

    @Option(names = "--yunet-model", paramLabel = "PATH",
            description = "deprecated: the model of a bare --detector yunet; give --detector yunet:PATH")
    Path yunetModel;

    /** True when {@code --detector} was given. */
    boolean given() { return detector != null; }

    /**
     * The detector to run: {@code --detector}, else {@code named} (a detector a deprecated
     * {@code --boxes haar|yunet} names; null when none), else the packaged YuNet.
     *
     * @throws UserException when {@code --detector} and {@code named} disagree, or for a spelling core rejects
     */
    Detectors.Spec spec(String named) {
        try {
            Detectors.Spec s = Detectors.parse(detector != null ? detector : named, bareYunetModel());
            if (named != null && !s.kind().equals(named)) {
                throw new UserException("--boxes " + named + " and --detector " + detector
                        + " name different detectors; give --boxes detector --detector " + detector);
            }
            return s;
        } catch (DetectorException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /**
     * Opens {@code spec}; the caller closes the detector.
     *
     * @throws UserException for a missing or unloadable YuNet model: one line naming the file and what to do
     */
    FaceDetector open(Detectors.Spec spec) {
        try {
            return spec.open();
        } catch (DetectorException e) {
            String from = yunetModel != null && yunetModel.equals(spec.model()) ? " (the model of the deprecated --yunet-model)" : "";
            throw new UserException(e.getMessage() + from, e);
        }
    }

    /** The model of a bare {@code yunet}: the deprecated {@code --yunet-model}, else null (the packaged one). */
    private Path bareYunetModel() { return yunetModel; }
}
