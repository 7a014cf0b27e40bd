package dev.facemark.tracker.render;

import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL33C;

import static org.lwjgl.glfw.GLFW.*;

/**
 * A GLFW window with an OpenGL 3.3 core context, current on the creating thread.
 *
 * <p>Headless contexts use GLFW's null platform with an EGL context (Mesa llvmpipe needs no X
 * server), so video export, screenshots and tests run on machines without a display. The window of
 * a headless context is invisible and only carries the context; drawing goes to an FBO.
 */
public final class GlContext implements AutoCloseable {
    private static int openContexts;
    private static Boolean initialisedHeadless;
    private static final StringBuilder lastGlfwError = new StringBuilder();

    private final long window;
    private final boolean headless;
    private boolean closed;

    private GlContext(long window, boolean headless) {
        this.window = window;
        this.headless = headless;
    }

    /** An offscreen context: no display needed. */
    public static GlContext headless() {
        return headless(16, 16);
    }

    /** An offscreen context whose invisible window reports the given framebuffer size (for headless window tests). */
    public static GlContext headless(int width, int height) {
        return create(true, width, height, "facemark", false);
    }

    /** A visible, resizable window (vsync on when asked). */
    public static GlContext window(int width, int height, String title, boolean vsync) {
        return create(false, width, height, title, vsync);
    }

    private static synchronized GlContext create(boolean headless, int w, int h, String title, boolean vsync) {
        initGlfw(headless);
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, headless ? GLFW_FALSE : GLFW_TRUE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        if (headless) glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
        lastGlfwError.setLength(0);
        long win = glfwCreateWindow(w, h, title, 0L, 0L);
        if (win == 0L) {
            if (openContexts == 0) terminate();
            throw new GlUnavailableException("cannot create an OpenGL 3.3 core context"
                    + (headless ? " (headless EGL; install Mesa EGL: apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri)"
                                : " window (is DISPLAY/WAYLAND_DISPLAY set?)")
                    + ": " + lastGlfwError);
        }
        glfwMakeContextCurrent(win);
        GL.createCapabilities();
        glfwSwapInterval(vsync ? 1 : 0);
        openContexts++;
        return new GlContext(win, headless);
    }

    private static void initGlfw(boolean headless) {
        if (initialisedHeadless != null && initialisedHeadless != headless) {
            if (openContexts > 0) {
                throw new GlUnavailableException("cannot mix headless and windowed OpenGL contexts in one process");
            }
            terminate();
        }
        if (initialisedHeadless != null) return;
        GLFWErrorCallback.create((code, desc) -> {
            if (lastGlfwError.length() > 0) lastGlfwError.append("; ");
            lastGlfwError.append(GLFWErrorCallback.getDescription(desc));
        }).set();
        glfwInitHint(GLFW_PLATFORM, headless ? GLFW_PLATFORM_NULL : GLFW_ANY_PLATFORM);
        if (!glfwInit()) {
            String why = lastGlfwError.toString();
            GLFWErrorCallback cb = glfwSetErrorCallback(null);
            if (cb != null) cb.free();
            throw new GlUnavailableException("cannot initialise GLFW"
                    + (headless ? " (null platform)" : " (no display? use the headless mode or set DISPLAY)") + ": " + why);
        }
        initialisedHeadless = headless;
    }

    private static void terminate() {
        glfwTerminate();
        GLFWErrorCallback cb = glfwSetErrorCallback(null);
        if (cb != null) cb.free();
        initialisedHeadless = null;
    }

    public long window() { return window; }
    public boolean isHeadless() { return headless; }

    /** Makes this context current on the calling thread (after another thread used it). */
    public void makeCurrent() {
        glfwMakeContextCurrent(window);
        GL.createCapabilities();
    }

    /** GL_VERSION and GL_RENDERER, for logs and reports. */
    public String describe() {
        return GL33C.glGetString(GL33C.GL_VERSION) + " / " + GL33C.glGetString(GL33C.GL_RENDERER);
    }

    @Override
    public void close() {
        synchronized (GlContext.class) {
            if (closed) return;
            closed = true;
            GL.setCapabilities(null);
            glfwMakeContextCurrent(0L);
            glfwDestroyWindow(window);
            if (--openContexts == 0) terminate();
        }
    }
}
