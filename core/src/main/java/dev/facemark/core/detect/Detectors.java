package dev.facemark.core.detect;

import java.nio.file.Path;
import java.util.Locale;

/**
 * THE detector factory: parses the one {@code --detector} spelling every command line takes
 * ({@code haar}, {@code yunet:PATH}, and {@code yunet} where the command has a default model) and
 * opens the detector with the shipped parameters. Errors are {@link DetectorException}s whose one
 * line says what to type.
 */
public final class Detectors {
    /** The detector kinds, each the key of its {@code DetectorCalibration}. */
    public static final String HAAR = "haar", YUNET = "yunet";
    /** The spelling, for help texts and error messages. */
    public static final String SPELLING = "haar or yunet:PATH";

    private static final String YUNET_PREFIX = YUNET + ":";
    private static final String YUNET_HINT = "pass --detector yunet:PATH/TO/" + YuNetDetector.MODEL_FILE
            + " (Apache-2.0, from ShiqiYu/libfacedetection.train, onnx/)";

    private Detectors() {}

    /** A parsed {@code --detector} value: the kind, and for YuNet its model file (null for Haar). */
    public record Spec(String kind, Path model) {
        /**
         * Opens the detector; the caller closes it.
         *
         * @throws DetectorException for a missing or unloadable YuNet model (one line naming the file)
         */
        public FaceDetector open() {
            if (kind.equals(HAAR)) {
                try {
                    return new HaarCascadeDetector();
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(e.getMessage() + "; use --detector yunet:PATH", e);
                }
            }
            try {
                return new YuNetDetector(model);
            } catch (DetectorException e) {
                throw new DetectorException(e.getMessage() + "; " + YUNET_HINT, e);
            }
        }
    }

    /** {@link #parse(String, Path)} without a default model: a bare {@code yunet} is an error. */
    public static Spec parse(String text) { return parse(text, null); }

    /**
     * Reads {@code haar} (also null or blank), {@code yunet:PATH}, or a bare {@code yunet}, which
     * means {@code bareYunetModel} when the command has a default model.
     *
     * @throws DetectorException for anything else, and for a bare {@code yunet} without a default
     */
    public static Spec parse(String text, Path bareYunetModel) {
        String t = text == null ? "" : text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || lower.equals(HAAR)) return new Spec(HAAR, null);
        if (lower.startsWith(YUNET_PREFIX) && t.length() > YUNET_PREFIX.length()) {
            return new Spec(YUNET, Path.of(t.substring(YUNET_PREFIX.length())));
        }
        if (lower.equals(YUNET) || lower.equals(YUNET_PREFIX)) {
            if (bareYunetModel != null) return new Spec(YUNET, bareYunetModel);
            throw new DetectorException("--detector yunet needs the model file: --detector yunet:PATH/TO/" + YuNetDetector.MODEL_FILE);
        }
        throw new DetectorException("unknown detector '" + text + "': use " + SPELLING);
    }

    /** Parses and opens {@code text} ({@link #parse(String)}); the caller closes the detector. */
    public static FaceDetector open(String text) { return parse(text).open(); }

    /** Parses and opens {@code text} ({@link #parse(String, Path)}); the caller closes the detector. */
    public static FaceDetector open(String text, Path bareYunetModel) { return parse(text, bareYunetModel).open(); }
}
