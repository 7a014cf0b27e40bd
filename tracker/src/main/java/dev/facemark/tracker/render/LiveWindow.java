package dev.facemark.tracker.render;

import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import static org.lwjgl.glfw.GLFW.*;

/**
 * The live view: a resizable GLFW window (vsync by default) showing the renderer's framebuffer,
 * letterboxed to the video's aspect. Keys ({@link KeyMap}) act through {@link LiveControls}.
 *
 * <pre>{@code
 * try (LiveWindow win = new LiveWindow("facemark", 1280, 720, true, options, Path.of("screenshots"))) {
 *     while (!win.shouldClose()) {
 *         win.pollEvents();
 *         if (win.controls().shouldAdvance()) { frame = next(); result = track(frame); win.show(frame, result, hud); }
 *         else win.redraw(result, hud);                      // paused: keys still toggle layers
 *         if (win.controls().isRecording()) win.renderer().readBgr(recordMat);  // then encode it
 *     }
 * }
 * }</pre>
 * All calls on the thread that created the window (on macOS: the main thread).
 */
public final class LiveWindow implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final GlContext context;
    private final Renderer renderer;
    private final LiveControls controls;
    private final Path screenshotDir;
    private Path lastScreenshot;
    private FramePass effects;

    public LiveWindow(String title, int width, int height, boolean vsync, RenderOptions options, Path screenshotDir) {
        this(GlContext.window(width, height, title, vsync), options, screenshotDir);
    }

    /** On a given context, which the window then owns (tests use an invisible headless one). */
    LiveWindow(GlContext context, RenderOptions options, Path screenshotDir) {
        this.context = context;
        try {
            int[] fb = framebufferSize();
            this.renderer = Renderer.onContext(fb[0], fb[1], options);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        this.controls = new LiveControls(options);
        this.screenshotDir = screenshotDir;
        glfwSetKeyCallback(context.window(), (win, key, scancode, action, mods) -> {
            if (action == GLFW_PRESS || (action == GLFW_REPEAT && (key == GLFW_KEY_RIGHT || key == GLFW_KEY_PERIOD))) {
                KeyMap.actionFor(key).ifPresent(controls::apply);
            }
        });
    }

    private int[] framebufferSize() {
        try (MemoryStack s = MemoryStack.stackPush()) {
            IntBuffer w = s.mallocInt(1), h = s.mallocInt(1);
            glfwGetFramebufferSize(context.window(), w, h);
            return new int[] {Math.max(1, w.get(0)), Math.max(1, h.get(0))};
        }
    }

    public Renderer renderer() { return renderer; }

    /** Face filters (e.g. {@code FilterStack.of("blur,axes")}); the window routes filter keys to it and closes it. */
    public void setEffects(FramePass pass) {
        if (effects != null && effects != pass) effects.close();
        effects = pass;
        renderer.setEffects(pass);
        controls.setFilterListener(pass == null ? null : pass::onKey);
    }
    public LiveControls controls() { return controls; }
    public boolean shouldClose() { return controls.quitRequested() || glfwWindowShouldClose(context.window()); }
    public void pollEvents() { glfwPollEvents(); }
    /** Path of the last screenshot written, or null. */
    public Path lastScreenshot() { return lastScreenshot; }

    public void show(VideoImage frame, FrameResult result, HudInfo hud) {
        int[] fb = framebufferSize();
        renderer.resize(fb[0], fb[1]);
        renderer.render(frame, result, hud);
        if (controls.takeScreenshotRequest()) {
            lastScreenshot = screenshotDir.resolve("facemark-" + LocalDateTime.now().format(STAMP) + ".png");
            renderer.writePng(lastScreenshot);
        }
        renderer.target().blitToScreen(fb[0], fb[1]);
        glfwSwapBuffers(context.window());
    }

    public void show(Mat bgr, FrameResult result, HudInfo hud) {
        show(bgr == null ? null : VideoImage.ofMat(bgr), result, hud);
    }

    /** Shows the last frame again (paused) with the current options. */
    public void redraw(FrameResult result, HudInfo hud) { show((VideoImage) null, result, hud); }

    @Override
    public void close() {
        if (effects != null) effects.close();
        renderer.close();
        context.close();
    }
}
