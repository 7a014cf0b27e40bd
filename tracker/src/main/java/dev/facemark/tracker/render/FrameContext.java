package dev.facemark.tracker.render;

import dev.facemark.tracker.face.FrameResult;

/**
 * What a {@link FramePass} sees for one frame: the result, where the video sits in the target, the
 * video as an RGB texture (converted on first request), and the shared overlay batch and font.
 */
public interface FrameContext {
    FrameResult result();
    Viewport viewport();
    RenderOptions options();
    Framebuffer target();

    /** The current video frame as an RGBA texture of the video's size (row 0 = top), sampled linearly. */
    int videoRgbTexture();

    OverlayBatch overlay();
    FontAtlas font();

    /** Frame counter since the renderer was created (for effects that hold state over frames). */
    long frameIndex();
}
