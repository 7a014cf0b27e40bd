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
    public static final String SPELLING = "yunet, haar or yunet:PATH";
    /** What commands use when no {@code --detector} is given: YuNet, packaged. */
    public static final String DEFAULT = YUNET;

    private static final String YUNET_PREFIX = YUNET + ":";
    private static final String YUNET_HINT = "pass --detector yunet:PATH/TO/" + YuNetDetector.MODEL_FILE
            + " (Apache-2.0, from ShiqiYu/libfacedetection.train, onnx/)";

    private Detectors() {}

    /** A parsed {@code --detector} value: the kind, and for YuNet its model file (null for Haar and for the packaged YuNet). */
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
                return new RollSearchDetector(model == null ? new YuNetDetector() : new YuNetDetector(model));
            } catch (DetectorException e) {
                throw new DetectorException(e.getMessage() + "; " + YUNET_HINT, e);
            }
        }
    }

    /** {@link #parse(String, Path)} without a default model: a bare {@code yunet} is the packaged one. */
    public static Spec parse(String text) { return parse(text, null); }

    /**
     * Reads {@code yunet} (also null or blank: the default), {@code haar}, or {@code yunet:PATH}. A bare
     * {@code yunet} means {@code bareYunetModel} when given, else the model packaged in the core jar.
     *
     * @throws DetectorException for anything else
     */
    public static Spec parse(String text, Path bareYunetModel) {
        String t = text == null ? "" : text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals(HAAR)) return new Spec(HAAR, null);
        if (lower.startsWith(YUNET_PREFIX) && t.length() > YUNET_PREFIX.length()) {
            return new Spec(YUNET, Path.of(t.substring(YUNET_PREFIX.length())));
        }
        if (t.isEmpty() || lower.equals(YUNET) || lower.equals(YUNET_PREFIX)) return new Spec(YUNET, bareYunetModel);
        throw new DetectorException("unknown detector '" + text + "': use " + SPELLING);
    }

    /** Parses and opens {@code text} ({@link #parse(String)}); the caller closes the detector. */
    public static FaceDetector open(String text) { return parse(text).open(); }

    /** Parses and opens {@code text} ({@link #parse(String, Path)}); the caller closes the detector. */
    public static FaceDetector open(String text, Path bareYunetModel) { return parse(text, bareYunetModel).open(); }
}
