package dev.facemark.tracker.profile;

/** The pipeline's stages, in order, as recorded by {@link StageTimer}. */
public enum Stage {
    GRAB("grab+decode"),
    CONVERT("colour conversion"),
    DETECT("detection"),
    /** The periodic detection on its own thread while faces are tracked: not part of any frame's latency. */
    DETECT_BACKGROUND("detection (background)"),
    CROP("crop+preprocess"),
    INFERENCE("inference"),
    DECODE("decoding"),
    SMOOTH_POSE("smoothing+pose"),
    RENDER("rendering"),
    WRITE("writing"),
    FRAME("whole frame");

    private final String label;

    Stage(String label) { this.label = label; }

    public String label() { return label; }
}
