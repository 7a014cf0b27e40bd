package dev.facemark.tracker.bench;

import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.filter.FilterStack;
import dev.facemark.tracker.render.HudInfo;
import dev.facemark.tracker.render.Layer;
import dev.facemark.tracker.render.RenderPhases;
import dev.facemark.tracker.render.RenderOptions;
import dev.facemark.tracker.render.Renderer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The render stage of the bench: the live view's picture (video letterboxed into the target, every
 * default layer, HUD) drawn into a headless offscreen target and read back as BGR, which is what a
 * window swap or a video writer would need. Reading back makes the GPU finish the frame, so the time
 * measured is the real cost. Owns a GL context: create, use and close on one thread.
 */
final class OffscreenRendering implements AutoCloseable {
    private final Renderer renderer;
    private final ByteBuffer readBack;
    private final String modelName;
    private RenderPhases phases;
    private FilterStack effects;

    OffscreenRendering(int width, int height, String modelName, Set<Layer> layers, String filters) {
        RenderOptions o = new RenderOptions();
        if (layers != null) o.setLayers(layers);
        this.renderer = Renderer.offscreen(width, height, o);
        if (filters != null && !filters.isBlank()) {
            try {
                renderer.setEffects(effects = FilterStack.of(filters));
            } catch (RuntimeException e) {
                renderer.close();
                throw e;
            }
        }
        // Diagnostics: -Dfacemark.renderPhases=true times each render phase (adds glFinish calls) and prints the medians.
        if (Boolean.getBoolean("facemark.renderPhases")) renderer.setPhases(phases = new RenderPhases());
        this.readBack = MemoryUtil.memAlloc(width * height * 3);
        this.modelName = modelName;
    }

    void draw(Mat bgr, FrameResult result, HudInfo hud) {
        renderer.render(bgr, result, hud);
        readBack.clear();
        renderer.readBgr(readBack);
    }

    HudInfo hud(double fps, java.util.Map<String, Double> stageMs) { return new HudInfo(fps, stageMs, modelName); }

    @Override
    public void close() {
        if (phases != null) System.err.println("render phase medians, ms: " + phases.medians());
        try {
            if (effects != null) effects.close();
            renderer.close();
        } finally {
            MemoryUtil.memFree(readBack);
        }
    }
}
