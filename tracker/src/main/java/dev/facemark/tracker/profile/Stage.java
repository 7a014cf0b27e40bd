package dev.facemark.tracker.profile;

/** The pipeline's stages, in order, as recorded by {@link StageTimer}. */
public enum Stage {
    GRAB("grab+decode"),
    CONVERT("colour conversion"),
    DETECT("detection"),
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
