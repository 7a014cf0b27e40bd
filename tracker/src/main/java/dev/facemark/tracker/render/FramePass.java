package dev.facemark.tracker.render;

/**
 * Extra drawing the renderer runs after the video and before the overlay layers (face filters plug
 * in here). Runs with the context current and the target framebuffer bound.
 */
public interface FramePass extends AutoCloseable {
    void draw(FrameContext ctx);

    /** Live-window keys meant for the pass (NEXT_FILTER, TOGGLE_FILTERS). */
    default void onKey(KeyAction action) {}

    @Override
    default void close() {}
}
