package dev.facemark.tracker.filter;

import dev.facemark.tracker.render.FrameContext;

/**
 * A face effect drawn by the renderer after the video and before the overlay layers. Per frame it
 * gets the {@link FrameContext}: the video as a texture, where the video sits in the target, and
 * the frame's faces (smoothed landmarks, box, id, confidence, head pose, frames lost). It draws
 * with its own shaders from {@code shaders/}. Created with the GL context current; closed by the
 * {@link FilterStack}.
 */
public interface FaceFilter extends AutoCloseable {
    String name();

    void apply(FrameContext ctx);

    @Override
    default void close() {}
}
