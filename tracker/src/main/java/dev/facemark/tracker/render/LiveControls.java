package dev.facemark.tracker.render;

import java.util.function.Consumer;

/**
 * The live window's state changed by keys: layer toggles and heatmap choices go straight into the
 * {@link RenderOptions}; pause, step, recording and quit are read by the caller's frame loop;
 * filter actions go to a listener (the filter stack). Kept apart from the window so it is testable
 * without a display.
 */
public final class LiveControls {
    private final RenderOptions options;
    private boolean paused, stepRequested, recording, quit, screenshotRequested;
    private Consumer<KeyAction> filterListener = a -> {};

    public LiveControls(RenderOptions options) { this.options = options; }

    /** Receives NEXT_FILTER / TOGGLE_FILTERS. */
    public void setFilterListener(Consumer<KeyAction> l) { filterListener = l == null ? a -> {} : l; }

    public void apply(KeyAction a) {
        Layer l = a.layer();
        if (l != null) { options.toggle(l); return; }
        switch (a) {
            case PAUSE -> paused = !paused;
            case STEP -> { if (paused) stepRequested = true; else paused = true; }
            case NEXT_HEATMAP -> options.cycleHeatmap(1);
            case PREV_HEATMAP -> options.cycleHeatmap(-1);
            case HEATMAP_MODE -> options.setHeatmapMode(options.heatmapMode().next());
            case NEXT_FILTER, TOGGLE_FILTERS -> filterListener.accept(a);
            case SCREENSHOT -> screenshotRequested = true;
            case RECORD -> recording = !recording;
            case QUIT -> quit = true;
            default -> throw new IllegalStateException("unhandled key action " + a);
        }
    }

    public boolean isPaused() { return paused; }
    public void setPaused(boolean p) { paused = p; }

    /** True once per STEP press while paused: the loop should advance exactly one frame. */
    public boolean takeStep() {
        boolean s = stepRequested;
        stepRequested = false;
        return s;
    }

    /** Whether the loop should advance a frame now (running, or a pending step). */
    public boolean shouldAdvance() { return !paused || takeStep(); }

    public boolean isRecording() { return recording; }
    public boolean quitRequested() { return quit; }

    boolean takeScreenshotRequest() {
        boolean s = screenshotRequested;
        screenshotRequested = false;
        return s;
    }

    public RenderOptions options() { return options; }
}
