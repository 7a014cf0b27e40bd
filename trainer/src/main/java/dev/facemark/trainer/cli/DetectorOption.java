package dev.facemark.trainer.cli;

import dev.facemark.core.detect.DetectorException;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.detect.YuNetDetector;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The face detector option {@code trainer eval} and {@code trainer calibrate} share with the
 * tracker: {@code --detector haar|yunet:PATH}, parsed by core's {@link Detectors}. The trainer also
 * takes a bare {@code yunet} (the model at {@value #DEFAULT_YUNET_MODEL}, or the deprecated
 * {@code --yunet-model PATH}). Maps core's {@link DetectorException} to the one-line {@link UserException}.
 */
public final class DetectorOption {
    /** Where a bare {@code yunet} finds its model (relative to the repository root, like {@code --data-root}). */
    public static final String DEFAULT_YUNET_MODEL = "../shared/models/" + YuNetDetector.MODEL_FILE;

    @Option(names = "--detector", paramLabel = "haar|yunet[:PATH]",
            description = "face detector: haar (built in), yunet:PATH/TO/" + YuNetDetector.MODEL_FILE
                    + ", or yunet (" + DEFAULT_YUNET_MODEL + ") (default: haar)")
    String detector;

    @Option(names = "--yunet-model", paramLabel = "PATH",
            description = "deprecated: the model of a bare --detector yunet; give --detector yunet:PATH")
    Path yunetModel;

    /** True when {@code --detector} was given. */
    boolean given() { return detector != null; }

    /**
     * The detector to run: {@code --detector}, else {@code named} (a detector a deprecated
     * {@code --boxes haar|yunet} names; null when none), else Haar.
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
            String from = !bareYunetModel().equals(spec.model()) ? ""
                    : yunetModel != null ? " (the model of the deprecated --yunet-model)" : " (the default model of a bare yunet, or --yunet-model)";
            throw new UserException(e.getMessage() + from, e);
        }
    }

    private Path bareYunetModel() { return yunetModel != null ? yunetModel : Path.of(DEFAULT_YUNET_MODEL); }
}
