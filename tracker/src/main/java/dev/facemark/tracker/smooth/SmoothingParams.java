package dev.facemark.tracker.smooth;

/**
 * One Euro settings for landmarks. Speeds are in face sizes per second (scale-invariant), so beta is
 * unit-free: the defaults keep a still face steady to well under a pixel and follow a turning head.
 */
public record SmoothingParams(boolean enabled, double minCutoff, double beta, double dCutoff) {
    public static final SmoothingParams DEFAULT = new SmoothingParams(true, 1.5, 4.0, 1.0);
    public static final SmoothingParams OFF = new SmoothingParams(false, 1.5, 4.0, 1.0);
}
