package dev.facemark.trainer.eval;

/** Where evaluation crops come from. */
public enum BoxMode {
    /** The tight box of the ground-truth landmarks (the tracker's tracking mode, the usual 300-W protocol). */
    GT,
    /** A Haar detection mapped through the model's detector calibration (the tracker's first frame). */
    DETECTOR;

    public static BoxMode parse(String s) {
        return switch (s.toLowerCase()) {
            case "gt" -> GT;
            case "detector", "haar" -> DETECTOR;
            default -> throw new IllegalArgumentException("--boxes must be gt or detector, got '" + s + "'");
        };
    }
}
