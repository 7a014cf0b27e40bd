package dev.facemark.tracker.render;

/** What a key in the live window does. */
public enum KeyAction {
    PAUSE("pause / resume"),
    STEP("step one frame while paused"),
    TOGGLE_VIDEO("toggle the video layer"),
    TOGGLE_HEATMAPS("toggle the heatmap overlay"),
    TOGGLE_CONTOURS("toggle contour lines"),
    TOGGLE_POINTS("toggle landmark points"),
    TOGGLE_BOXES("toggle face boxes"),
    TOGGLE_POSE("toggle head-pose axes"),
    TOGGLE_HUD("toggle the HUD"),
    NEXT_HEATMAP("next heatmap point (or group)"),
    PREV_HEATMAP("previous heatmap point (or group)"),
    HEATMAP_MODE("cycle heatmap mode: point, group, max"),
    NEXT_FILTER("switch to the next face filter"),
    TOGGLE_FILTERS("face filters on / off"),
    SCREENSHOT("save a PNG screenshot"),
    RECORD("start / stop recording"),
    QUIT("quit");

    private final String description;

    KeyAction(String description) { this.description = description; }

    public String description() { return description; }

    /** The layer this action toggles, or null. */
    public Layer layer() {
        return switch (this) {
            case TOGGLE_VIDEO -> Layer.VIDEO;
            case TOGGLE_HEATMAPS -> Layer.HEATMAPS;
            case TOGGLE_CONTOURS -> Layer.CONTOURS;
            case TOGGLE_POINTS -> Layer.POINTS;
            case TOGGLE_BOXES -> Layer.BOXES;
            case TOGGLE_POSE -> Layer.POSE;
            case TOGGLE_HUD -> Layer.HUD;
            default -> null;
        };
    }
}
