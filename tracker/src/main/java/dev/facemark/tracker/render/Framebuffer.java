package dev.facemark.tracker.render;

import org.bytedeco.opencv.opencv_core.Mat;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.lwjgl.opengl.GL33C.*;

/**
 * The renderer's drawing surface: an RGBA8 colour texture in an FBO. Rows are stored top-first
 * (the renderer maps image row 0 to GL window row 0), so read-backs need no flip; the live window
 * presents it with a flipping blit.
 */
public final class Framebuffer implements AutoCloseable {
    private final int fbo;
    private final int colour;
    private final int internalFormat;
    private ByteBuffer rgbaScratch;
    private int width, height;

    public Framebuffer(int width, int height) {
        this(width, height, GL_RGBA8);
    }

    /** A framebuffer whose colour texture has the given internal format (e.g. GL_R32F for data passes). */
    public Framebuffer(int width, int height, int internalFormat) {
        this.internalFormat = internalFormat;
        fbo = glGenFramebuffers();
        colour = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, colour);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        resize(width, height);
    }

    public void resize(int w, int h) {
        if (w <= 0 || h <= 0) throw new IllegalArgumentException("render target size must be positive: " + w + "x" + h);
        if (w == width && h == height) return;
        width = w;
        height = h;
        glBindTexture(GL_TEXTURE_2D, colour);
        glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, 0L);
        glBindTexture(GL_TEXTURE_2D, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour, 0);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException("framebuffer " + w + "x" + h + " incomplete: 0x" + Integer.toHexString(status));
        }
    }

    public void bind() {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glViewport(0, 0, width, height);
    }

    public int width() { return width; }
    public int height() { return height; }
    /** The colour texture, for filters that sample what was drawn so far. */
    public int colourTexture() { return colour; }
    public int id() { return fbo; }

    /**
     * Reads the whole target as tightly packed BGR rows, top row first, into {@code out} (w*h*3 bytes).
     * Read as RGBA and swizzled on the CPU: llvmpipe's BGR read-back is 1.7 ms at 1280x720, RGBA + cvtColor 0.6.
     */
    public ByteBuffer readBgr(ByteBuffer out) {
        long need = (long) width * height * 3;
        if (out.remaining() < need) throw new IllegalArgumentException("read-back buffer has " + out.remaining() + " bytes, needs " + need);
        PixelSwizzle.rgbaToBgr(readRgba(), out, width * 3L, width, height);
        return out;
    }

    /** The target as RGBA in a buffer this framebuffer owns, valid until the next read. */
    private ByteBuffer readRgba() {
        int bytes = width * height * 4;
        if (rgbaScratch == null || rgbaScratch.capacity() < bytes) {
            if (rgbaScratch != null) MemoryUtil.memFree(rgbaScratch);
            rgbaScratch = MemoryUtil.memAlloc(bytes);
        }
        rgbaScratch.clear().limit(bytes);
        return read(GL_RGBA, 4, rgbaScratch);
    }

    /** As {@link #readBgr} but RGB, what PNG writers want. */
    public ByteBuffer readRgb(ByteBuffer out) {
        return read(GL_RGB, 3, out);
    }

    public ByteBuffer readRgba(ByteBuffer out) {
        return read(GL_RGBA, 4, out);
    }

    private ByteBuffer read(int format, int bpp, ByteBuffer out) {
        long need = (long) width * height * bpp;
        if (out.remaining() < need) throw new IllegalArgumentException("read-back buffer has " + out.remaining() + " bytes, needs " + need);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glPixelStorei(GL_PACK_ROW_LENGTH, 0);
        glReadPixels(0, 0, width, height, format, GL_UNSIGNED_BYTE, out);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        return out;
    }

    /** Reads into a BGR 8UC3 Mat of the target's size (re-allocated if its size or type differ). */
    public void readBgr(Mat out) {
        if (out.rows() != height || out.cols() != width || out.type() != CV_8UC3) out.create(height, width, CV_8UC3);
        long step = out.step();
        ByteBuffer dst = out.data().capacity(step * height).asBuffer();
        PixelSwizzle.rgbaToBgr(readRgba(), dst, step, width, height);
    }

    /** Copies this target onto the window's default framebuffer, flipping rows (GL's window origin is bottom-left). */
    public void blitToScreen(int screenW, int screenH) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
        glViewport(0, 0, screenW, screenH);
        glBlitFramebuffer(0, 0, width, height, 0, screenH, screenW, 0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    }

    @Override
    public void close() {
        if (rgbaScratch != null) MemoryUtil.memFree(rgbaScratch);
        rgbaScratch = null;
        glDeleteFramebuffers(fbo);
        glDeleteTextures(colour);
    }
}
