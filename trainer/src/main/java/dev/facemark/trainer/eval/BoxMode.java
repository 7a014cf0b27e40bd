package dev.facemark.trainer.eval;

import java.util.Locale;

/** Where evaluation crops come from ({@code trainer eval --boxes}). */
public enum BoxMode {
    /** The tight box of the ground-truth landmarks (the tracker's tracking mode, the usual 300-W protocol). */
    GT,
    /** A face detection ({@code --detector}: Haar or YuNet) mapped through the model's detector calibration (the tracker's first frame). */
    DETECTOR;

    /** Reads gt or detector; haar and yunet are the deprecated spellings of detector with that detector ({@link #detectorName}). */
    public static BoxMode parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "gt" -> GT;
            case "detector", "haar", "yunet" -> DETECTOR;
            default -> throw new IllegalArgumentException("--boxes must be gt or detector (with --detector haar|yunet:PATH), got '" + s + "'");
        };
    }

    /** The detector a deprecated {@code --boxes haar} or {@code --boxes yunet} names; null for gt and detector (then {@code --detector} says). */
    public static String detectorName(String s) {
        String n = s.toLowerCase(Locale.ROOT);
        return parse(s) == DETECTOR && !n.equals("detector") ? n : null;
    }
}
