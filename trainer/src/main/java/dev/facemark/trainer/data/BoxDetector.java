package dev.facemark.trainer.data;

import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.detect.HaarFace;
import dev.facemark.core.detect.YuNetDetector;
import dev.facemark.core.detect.YuNetFace;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.trainer.cli.UserException;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tracker's face detectors as the trainer uses them (calibration, detector-box evaluation):
 * core's {@link HaarCascadeDetector} ("haar") or {@link YuNetDetector} ("yunet"), with the shipped
 * parameters, giving raw (uncalibrated) boxes in source pixels. Not thread-safe: one per thread.
 */
public final class BoxDetector implements AutoCloseable {
    public static final List<String> NAMES = List.of("haar", "yunet");
    /** Where the trainer looks for the YuNet model by default (relative to the repository root, like {@code --data-root}). */
    public static final String DEFAULT_YUNET_MODEL = "../shared/models/" + YuNetDetector.MODEL_FILE;

    private final String name;
    private final String parameters;
    private final HaarCascadeDetector haar;
    private final YuNetDetector yunet;

    private BoxDetector(String name, String parameters, HaarCascadeDetector haar, YuNetDetector yunet) {
        this.name = name;
        this.parameters = parameters;
        this.haar = haar;
        this.yunet = yunet;
    }

    /**
     * Opens the named detector; {@code yunetModel} is only read for "yunet".
     *
     * @throws UserException for an unknown name or a missing or unloadable YuNet model (one line naming the file)
     */
    public static BoxDetector open(String name, Path yunetModel) {
        String n = name == null ? "haar" : name.trim().toLowerCase();
        switch (n) {
            case "haar":
                return new BoxDetector("haar", HaarCascadeDetector.describe(), new HaarCascadeDetector(), null);
            case "yunet":
                if (yunetModel == null || !Files.isRegularFile(yunetModel)) {
                    throw new UserException("YuNet model " + yunetModel + " not found: pass --yunet-model PATH/TO/"
                            + YuNetDetector.MODEL_FILE + " (Apache-2.0, from ShiqiYu/libfacedetection.train, onnx/)");
                }
                try {
                    YuNetDetector y = new YuNetDetector(yunetModel);
                    return new BoxDetector("yunet", y.describe() + " model=" + yunetModel.getFileName(), null, y);
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage() + "; pass a YuNet ONNX model with --yunet-model", e);
                }
            default:
                throw new UserException("unknown detector '" + name + "': use one of " + String.join(", ", NAMES));
        }
    }

    /** "haar" or "yunet": the key of this detector's calibration in a model contract. */
    public String name() { return name; }

    /** The detector and its parameters, for provenance next to a fitted calibration. */
    public String parameters() { return parameters; }

    /** Raw detector boxes in source pixels, best first. */
    public List<FaceBox> detect(Mat bgr) {
        return haar != null ? haar.detect(bgr).stream().map(HaarFace::box).toList()
                : yunet.detect(bgr).stream().map(YuNetFace::box).toList();
    }

    @Override
    public void close() {
        if (haar != null) haar.close();
        if (yunet != null) yunet.close();
    }
}
