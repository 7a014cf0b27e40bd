package dev.facemark.tracker.render;

import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Streams video frames into GL textures without stalling the pipeline: each plane goes through a
 * pair of pixel-unpack buffers used alternately and orphaned before each write, so the driver never
 * waits for the previous frame's transfer. YUV planes become R8 / RG8 textures converted to RGB in
 * {@code video.frag}.
 *
 * <p>BGR goes up with the GL_BGR pixel format into an RGBA8 texture: 3-byte texels are expanded to
 * 4 by the driver in any case (measured on llvmpipe: RGB and BGR uploads both 2.2 ms CPU at
 * 1280x720), so the channel swap there is free, and the texture is then plain RGB, which lets a 1:1
 * frame reach the target by a blit (0.4 ms) instead of a shaded quad (5 ms on software GL) and lets
 * filters sample it directly.
 */
public final class VideoTexture implements AutoCloseable {
    private final int[] textures = new int[3];
    private final int[] texW = new int[3], texH = new int[3];
    private final int[][] pbos = new int[3][2];
    private int readFbo;
    private int flip;
    private VideoImage.Format format;
    private int width, height;

    public VideoTexture() {
        glGenTextures(textures);
        for (int i = 0; i < 3; i++) {
            glGenBuffers(pbos[i]);
            glBindTexture(GL_TEXTURE_2D, textures[i]);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        }
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    public void upload(VideoImage img) {
        format = img.format();
        width = img.width();
        height = img.height();
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        switch (img.format()) {
            case BGR -> uploadPlane(0, img.planes()[0], img.strides()[0], img.width(), img.height(), 3, GL_RGBA8, GL_BGR);
            case I420 -> {
                uploadPlane(0, img.planes()[0], img.strides()[0], img.width(), img.height(), 1, GL_R8, GL_RED);
                uploadPlane(1, img.planes()[1], img.strides()[1], img.chromaWidth(), img.chromaHeight(), 1, GL_R8, GL_RED);
                uploadPlane(2, img.planes()[2], img.strides()[2], img.chromaWidth(), img.chromaHeight(), 1, GL_R8, GL_RED);
            }
            case NV12 -> {
                uploadPlane(0, img.planes()[0], img.strides()[0], img.width(), img.height(), 1, GL_R8, GL_RED);
                uploadPlane(1, img.planes()[1], img.strides()[1], img.chromaWidth(), img.chromaHeight(), 2, GL_RG8, GL_RG);
            }
        }
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
        glBindTexture(GL_TEXTURE_2D, 0);
        flip ^= 1;
    }

    private void uploadPlane(int i, ByteBuffer src, int stride, int w, int h, int bpp, int internal, int fmt) {
        int rowBytes = w * bpp;
        if (stride < rowBytes) throw new IllegalArgumentException("plane " + i + " stride " + stride + " < row bytes " + rowBytes);
        long need = (long) stride * (h - 1) + rowBytes;
        if (src.remaining() < need) throw new IllegalArgumentException("plane " + i + " has " + src.remaining() + " bytes, needs " + need);
        boolean packed = stride % bpp == 0;
        long size = packed ? need : (long) rowBytes * h;
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbos[i][flip]);
        // Orphan: the driver hands us fresh storage while the old one may still feed a texture.
        glBufferData(GL_PIXEL_UNPACK_BUFFER, size, GL_STREAM_DRAW);
        ByteBuffer dst = glMapBufferRange(GL_PIXEL_UNPACK_BUFFER, 0, size, GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT);
        if (dst == null) throw new IllegalStateException("glMapBufferRange failed for video plane " + i);
        long s = MemoryUtil.memAddress(src), d = MemoryUtil.memAddress(dst);
        if (packed) {
            MemoryUtil.memCopy(s, d, size);
        } else {
            for (int r = 0; r < h; r++) MemoryUtil.memCopy(s + (long) r * stride, d + (long) r * rowBytes, rowBytes);
        }
        glUnmapBuffer(GL_PIXEL_UNPACK_BUFFER);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, packed ? stride / bpp : 0);
        glBindTexture(GL_TEXTURE_2D, textures[i]);
        if (texW[i] != w || texH[i] != h) {
            glTexImage2D(GL_TEXTURE_2D, 0, internal, w, h, 0, fmt, GL_UNSIGNED_BYTE, 0L);
            texW[i] = w;
            texH[i] = h;
        }
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, fmt, GL_UNSIGNED_BYTE, 0L);
    }

    /** Binds the planes to texture units 0..2 for {@code video.frag} compiled for this frame's format. */
    public void bind(ShaderProgram videoShader) {
        if (format == null) throw new IllegalStateException("no frame uploaded yet");
        for (int i = 0; i < 3; i++) {
            glActiveTexture(GL_TEXTURE0 + i);
            glBindTexture(GL_TEXTURE_2D, textures[i]);
            videoShader.set("u_tex" + i, i);
        }
        glActiveTexture(GL_TEXTURE0);
    }

    /** The frame as an RGB(A) texture when it was uploaded as BGR, else 0 (YUV needs a conversion pass). */
    public int rgbTexture() { return format == VideoImage.Format.BGR ? textures[0] : 0; }

    /** Copies a BGR frame 1:1 into {@code target} with its top-left at (x, y) (y down), no shading. */
    public void blitTo(Framebuffer target, int x, int y) {
        if (format != VideoImage.Format.BGR) throw new IllegalStateException("blit needs an RGB texture; frame is " + format);
        if (readFbo == 0) readFbo = glGenFramebuffers();
        glBindFramebuffer(GL_READ_FRAMEBUFFER, readFbo);
        glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, textures[0], 0);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target.id());
        glBlitFramebuffer(0, 0, width, height, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        target.bind();
    }

    public boolean hasFrame() { return format != null; }
    public int width() { return width; }
    public int height() { return height; }
    public VideoImage.Format format() { return format; }

    @Override
    public void close() {
        glDeleteTextures(textures);
        if (readFbo != 0) glDeleteFramebuffers(readFbo);
        for (int[] p : pbos) glDeleteBuffers(p);
    }
}
