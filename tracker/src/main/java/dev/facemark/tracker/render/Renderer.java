package dev.facemark.tracker.render;

import dev.facemark.tracker.face.FaceHeatmaps;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.TrackedFace;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.lwjgl.opengl.GL33C.*;
import static org.lwjgl.stb.STBImageWrite.stbi_write_png;

/**
 * Draws a video frame and a {@link FrameResult} (points, contours, boxes, heatmaps, pose axes, HUD)
 * into an offscreen framebuffer. The same renderer backs the live window ({@link LiveWindow}
 * presents the framebuffer) and headless export ({@link #offscreen}: read back as BGR or PNG).
 *
 * <p>All calls must come from the thread that owns the GL context.
 */
public final class Renderer implements AutoCloseable {
    private final GlContext ownedContext;
    private final RenderOptions options;
    private final Framebuffer target;
    private final VideoTexture video;
    private final java.util.EnumMap<VideoImage.Format, ShaderProgram> videoShaders = new java.util.EnumMap<>(VideoImage.Format.class);
    private final OverlayBatch overlay;
    private final FontAtlas font;
    private final FaceLayers layers;
    private final HeatmapOverlay heatmaps;
    private final int quadVao, quadVbo;
    private Framebuffer videoRgb;
    private boolean videoRgbFresh;
    private FramePass effects;
    private Viewport viewport;
    private long frameIndex;
    private RenderPhases phases;

    /** A renderer with its own headless GL context drawing into a {@code width x height} target. */
    public static Renderer offscreen(int width, int height, RenderOptions options) {
        GlContext ctx = GlContext.headless();
        try {
            return new Renderer(ctx, width, height, options);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** A renderer on an existing context (current on this thread), which the caller keeps and closes. */
    public static Renderer onContext(int width, int height, RenderOptions options) {
        return new Renderer(null, width, height, options);
    }

    private Renderer(GlContext owned, int width, int height, RenderOptions options) {
        this.ownedContext = owned;
        this.options = options;
        this.target = new Framebuffer(width, height);
        this.video = new VideoTexture();
        ShaderSource vs = ShaderSource.load("video.vert"), fs = ShaderSource.load("video.frag");
        for (VideoImage.Format f : VideoImage.Format.values()) {
            videoShaders.put(f, new ShaderProgram(vs, fs.withDefines(Map.of("VIDEO_MODE", String.valueOf(f.ordinal())))));
        }
        this.overlay = new OverlayBatch();
        this.font = new FontAtlas(options.hudTextPx());
        this.layers = new FaceLayers(options, overlay, font);
        this.heatmaps = new HeatmapOverlay();
        quadVao = glGenVertexArrays();
        quadVbo = glGenBuffers();
        glBindVertexArray(quadVao);
        glBindBuffer(GL_ARRAY_BUFFER, quadVbo);
        glBufferData(GL_ARRAY_BUFFER, 16 * 4, GL_STREAM_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, 16, 0);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, 16, 8);
        glBindVertexArray(0);
    }

    public RenderOptions options() { return options; }
    public Framebuffer target() { return target; }
    public int width() { return target.width(); }
    public int height() { return target.height(); }
    /** Where the last frame's video was placed (null before the first frame). */
    public Viewport viewport() { return viewport; }

    public void resize(int width, int height) { target.resize(width, height); }

    /** Sets the pass run between the video and the overlays (face filters), or null; the renderer does not close it. */
    public void setEffects(FramePass pass) { this.effects = pass; }

    /**
     * Renders one frame. {@code frame} may be null to redraw the last uploaded video (paused view);
     * {@code result} may be null (video only); {@code hud} may be null (no HUD).
     */
    public void render(VideoImage frame, FrameResult result, HudInfo hud) {
        RenderPhases ph = phases;
        if (ph != null) ph.start();
        int srcW = frame != null ? frame.width() : video.hasFrame() ? video.width() : result != null ? result.width() : target.width();
        int srcH = frame != null ? frame.height() : video.hasFrame() ? video.height() : result != null ? result.height() : target.height();
        viewport = Viewport.fit(srcW, srcH, target.width(), target.height());
        if (frame != null) {
            video.upload(frame, viewport.w(), viewport.h()); // BGR is staged at its display size
            videoRgbFresh = false;
        }
        if (ph != null) ph.end(RenderPhases.Phase.UPLOAD);
        frameIndex++;

        target.bind();
        boolean videoFills = options.isOn(Layer.VIDEO) && video.hasFrame() && viewport.x() == 0 && viewport.y() == 0
                && viewport.w() == target.width() && viewport.h() == target.height();
        if (!videoFills) { // an opaque full-target video overwrites every pixel: skip the clear (0.4 ms at 720p on llvmpipe)
            int bg = options.letterboxColour();
            glClearColor(((bg >>> 24) & 0xFF) / 255f, ((bg >>> 16) & 0xFF) / 255f, ((bg >>> 8) & 0xFF) / 255f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);

        if (options.isOn(Layer.VIDEO) && video.hasFrame()) drawVideo();
        if (ph != null) ph.end(RenderPhases.Phase.VIDEO);
        if (effects != null && result != null) {
            effects.draw(new Context(result));
            target.bind();
            if (ph != null) ph.end(RenderPhases.Phase.EFFECTS);
        }
        if (result != null) {
            if (options.isOn(Layer.HEATMAPS)) {
                for (TrackedFace f : result.faces()) {
                    FaceHeatmaps hm = f.heatmaps();
                    if (hm != null) heatmaps.draw(hm, options, viewport);
                }
                if (ph != null) ph.end(RenderPhases.Phase.HEATMAPS);
            }
            for (TrackedFace f : result.faces()) layers.face(f, viewport);
        }
        if (hud != null && options.isOn(Layer.HUD)) layers.hud(hud, result);
        if (ph != null) ph.endCpu(RenderPhases.Phase.OVERLAY_CPU);
        overlay.flush(target.width(), target.height(), font.texture());
        if (ph != null) ph.end(RenderPhases.Phase.OVERLAY_DRAW);
    }

    /** Turns per-phase timing on (a {@link RenderPhases} to fill) or off (null); for benchmarks, it adds glFinish calls. */
    public void setPhases(RenderPhases phases) { this.phases = phases; }

    /** Re-renders the last uploaded video with a (possibly changed) result and options: the paused view. */
    public void redraw(FrameResult result, HudInfo hud) {
        render((VideoImage) null, result, hud);
    }

    /** Convenience for OpenCV callers: renders a BGR Mat frame. */
    public void render(Mat bgr, FrameResult result, HudInfo hud) {
        render(bgr == null ? null : VideoImage.ofMat(bgr), result, hud);
    }

    private void drawVideo() {
        Viewport v = viewport;
        if (video.format() == VideoImage.Format.BGR && v.w() == video.stagedWidth() && v.h() == video.stagedHeight()) {
            video.copyTo(target.colourTexture(), v.x(), v.y()); // staged at display size: straight into the target
            return;
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer q = stack.floats(
                    v.x(), v.y(), 0, 0,
                    v.x() + v.w(), v.y(), 1, 0,
                    v.x(), v.y() + v.h(), 0, 1,
                    v.x() + v.w(), v.y() + v.h(), 1, 1);
            glBindBuffer(GL_ARRAY_BUFFER, quadVbo);
            glBufferSubData(GL_ARRAY_BUFFER, 0, q);
        }
        ShaderProgram videoShader = videoShaders.get(video.format());
        videoShader.use();
        videoShader.set("u_target", target.width(), target.height());
        videoShader.set("u_alpha", 1f);
        video.bind(videoShader);
        glBindVertexArray(quadVao);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
    }

    private int videoRgbTexture() {
        if (!video.hasFrame()) throw new IllegalStateException("no video frame uploaded");
        if (video.rgbTexture() != 0) {
            return video.rgbTexture();
        }
        if (videoRgb == null) videoRgb = new Framebuffer(video.width(), video.height());
        if (!videoRgbFresh) {
            videoRgb.resize(video.width(), video.height());
            videoRgb.bind();
            try (MemoryStack stack = MemoryStack.stackPush()) {
                float w = video.width(), h = video.height();
                glBindBuffer(GL_ARRAY_BUFFER, quadVbo);
                glBufferSubData(GL_ARRAY_BUFFER, 0, stack.floats(0, 0, 0, 0, w, 0, 1, 0, 0, h, 0, 1, w, h, 1, 1));
            }
            ShaderProgram videoShader = videoShaders.get(video.format());
            videoShader.use();
            videoShader.set("u_target", video.width(), video.height());
            videoShader.set("u_alpha", 1f);
            video.bind(videoShader);
            glBindVertexArray(quadVao);
            glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
            glBindVertexArray(0);
            videoRgbFresh = true;
            target.bind();
        }
        return videoRgb.colourTexture();
    }

    /** Draws projected axes {origin, X tip, Y tip, Z tip} (source pixels) in red, green, blue. */
    public static void drawAxes(OverlayBatch batch, Viewport v, float[] p, float width, int alpha) {
        int[] colours = {0xFF3030FF, 0x30FF30FF, 0x3060FFFF};
        float ox = v.toTargetX(p[0]), oy = v.toTargetY(p[1]);
        for (int k = 0; k < 3; k++) {
            batch.line(ox, oy, v.toTargetX(p[2 + 2 * k]), v.toTargetY(p[3 + 2 * k]), width, withAlpha(colours[k], alpha));
        }
    }

    static int withAlpha(int rgba, int alpha) {
        int a = (rgba & 0xFF) * alpha / 255;
        return (rgba & 0xFFFFFF00) | a;
    }

    /** Reads the last rendered frame into a BGR 8UC3 Mat (re-allocated to the target size if needed). */
    public void readBgr(Mat out) { target.readBgr(out); }

    /** Reads the last rendered frame as packed BGR rows, top row first. */
    public ByteBuffer readBgr(ByteBuffer out) { return target.readBgr(out); }

    /** Writes the last rendered frame as a PNG (stb_image_write). */
    public void writePng(Path file) {
        ByteBuffer rgb = MemoryUtil.memAlloc(target.width() * target.height() * 3);
        try {
            target.readRgb(rgb);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!stbi_write_png(file.toString(), target.width(), target.height(), 3, rgb, target.width() * 3)) {
                throw new IOException("stb_image_write failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write screenshot " + file + ": " + e.getMessage(), e);
        } finally {
            MemoryUtil.memFree(rgb);
        }
    }

    private final class Context implements FrameContext {
        private final FrameResult result;

        Context(FrameResult result) { this.result = result; }

        @Override public FrameResult result() { return result; }
        @Override public Viewport viewport() { return viewport; }
        @Override public RenderOptions options() { return options; }
        @Override public Framebuffer target() { return target; }
        @Override public int videoRgbTexture() { return Renderer.this.videoRgbTexture(); }
        @Override public OverlayBatch overlay() { return overlay; }
        @Override public FontAtlas font() { return font; }
        @Override public long frameIndex() { return frameIndex; }

    }

    @Override
    public void close() {
        heatmaps.close();
        font.close();
        overlay.close();
        videoShaders.values().forEach(ShaderProgram::close);
        video.close();
        target.close();
        if (videoRgb != null) videoRgb.close();
        glDeleteBuffers(quadVbo);
        glDeleteVertexArrays(quadVao);
        if (ownedContext != null) ownedContext.close();
    }
}
