package dev.facemark.trainer.eval;

/** Where evaluation crops come from. */
public enum BoxMode {
    /** The tight box of the ground-truth landmarks (the tracker's tracking mode, the usual 300-W protocol). */
    GT,
    /** A face detection (Haar or YuNet) mapped through the model's detector calibration (the tracker's first frame). */
    DETECTOR;

    public static BoxMode parse(String s) {
        return switch (s.toLowerCase()) {
            case "gt" -> GT;
            case "detector", "haar", "yunet" -> DETECTOR;
            default -> throw new IllegalArgumentException("--boxes must be gt, detector (= haar) or yunet, got '" + s + "'");
        };
    }

    /** The detector a {@code --boxes} value names: "yunet" or "haar" ("detector" means the default, Haar); null for gt. */
    public static String detectorName(String s) {
        return switch (parse(s)) {
            case GT -> null;
            case DETECTOR -> s.equalsIgnoreCase("yunet") ? "yunet" : "haar";
        };
    }
}
