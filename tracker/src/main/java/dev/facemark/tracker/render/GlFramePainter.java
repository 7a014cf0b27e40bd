package dev.facemark.tracker.render;

import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.output.FramePainter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.function.Supplier;

/**
 * The GPU {@link FramePainter}: renders the frame and its result offscreen at the frame's own size
 * (no letterbox) and reads the picture back into the same Mat. Owns a headless GL context, so it
 * must be created, used and closed on one thread.
 */
public final class GlFramePainter implements FramePainter {
    private final Renderer renderer;
    private final Supplier<HudInfo> hud;
    private FramePass effects;

    /** @param hud what the HUD shows per frame, or null for no HUD */
    public GlFramePainter(RenderOptions options, Supplier<HudInfo> hud) {
        this.renderer = Renderer.offscreen(16, 16, options);
        this.hud = hud;
    }

    public GlFramePainter(RenderOptions options) { this(options, null); }

    public Renderer renderer() { return renderer; }

    /** Face filters to run on each frame (null for none), e.g. {@code FilterStack.of("blur")}; the painter closes them. */
    public void setEffects(FramePass pass) {
        if (effects != null && effects != pass) effects.close();
        effects = pass;
        renderer.setEffects(pass);
    }

    @Override
    public void paint(Mat bgr, FrameResult result) {
        renderer.resize(bgr.cols(), bgr.rows());
        renderer.render(bgr, result, hud == null ? null : hud.get());
        renderer.readBgr(bgr);
    }

    @Override
    public void close() {
        if (effects != null) effects.close();
        renderer.close();
    }
}
