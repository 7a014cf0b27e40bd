package dev.facemark.tracker.render;

import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Streams video frames into GL textures without stalling the pipeline: each plane goes through a
 * pair of pixel-unpack buffers used alternately, each fenced after its transfer, so writing a frame
 * never waits for the previous frame's transfer. YUV planes become R8 / RG8 textures converted to RGB in
 * {@code video.frag}.
 *
 * <p>BGR is converted to RGBA on the CPU straight into the mapped pixel buffer ({@link PixelSwizzle}) and
 * goes up as 4-byte RGBA, the one format llvmpipe copies without converting: 0.6 ms at 1280x720
 * against 2.5 ms for a GL_BGR upload. It stays staged there until a texture is needed: a 1:1 frame
 * is copied straight into the render target ({@link #copyTo}, no blit or shaded quad, which cost a
 * full pass over the target on software GL), and filters or a scaled view get the plain RGB texture.
 */
public final class VideoTexture implements AutoCloseable {
    private final int[] textures = new int[3];
    private final int[] texW = new int[3], texH = new int[3];
    private final int[][] pbos = new int[3][2];
    private final long[][] pboSize = new long[3][2];
    private final long[][] fences = new long[3][2];
    private int stagedPbo, stagedW, stagedH;
    private org.bytedeco.opencv.opencv_core.Mat scaled;
    private boolean ownTextureFresh;
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
        upload(img, img.width(), img.height());
    }

    /**
     * Uploads a frame; a BGR frame is staged at {@code displayW x displayH} (resized on the CPU when
     * that differs from its size), YUV planes always at their own size (scaled by the shader).
     */
    public void upload(VideoImage img, int displayW, int displayH) {
        format = img.format();
        width = img.width();
        height = img.height();
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        switch (img.format()) {
            case BGR -> uploadBgr(img.planes()[0], img.strides()[0], img.width(), img.height(), displayW, displayH);
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

    private void uploadBgr(ByteBuffer src, int stride, int w, int h, int dw, int dh) {
        checkPlane("BGR frame", src, stride, w * 3, h);
        if (dw <= 0 || dh <= 0) throw new IllegalArgumentException("display size must be positive: " + dw + "x" + dh);
        ByteBuffer dst = mapForWrite(0, (long) dw * dh * 4);
        if (dw == w && dh == h) {
            PixelSwizzle.bgrToRgba(src, stride, dst, w, h);
        } else {
            // Scaled on the CPU: OpenCV's bilinear resize costs 1.5-2.5 ms for a 720p result, a
            // bilinear textured quad 9-12 ms on llvmpipe (RenderBench ... video 28 640x360).
            if (scaled == null) scaled = new org.bytedeco.opencv.opencv_core.Mat();
            PixelSwizzle.bgrToRgbaResized(src, stride, w, h, scaled, dst, dw, dh);
        }
        glUnmapBuffer(GL_PIXEL_UNPACK_BUFFER);
        // The frame stays staged in this pixel buffer; it reaches a texture only when one is asked
        // for (copyTo, rgbTexture), so a frame at display size can go straight into the render target.
        stagedPbo = flip;
        stagedW = dw;
        stagedH = dh;
        ownTextureFresh = false;
    }

    /**
     * Copies the staged RGBA frame from its pixel buffer into {@code texture} (RGBA8, at least the
     * frame's size) with its top-left at texel (x, y): 0.4 ms at 720p on llvmpipe, a memcpy.
     */
    public void copyTo(int texture, int x, int y) {
        if (format != VideoImage.Format.BGR) throw new IllegalStateException("copyTo needs a BGR frame; frame is " + format);
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbos[0][stagedPbo]);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, stagedW, stagedH, GL_RGBA, GL_UNSIGNED_BYTE, 0L);
        glBindTexture(GL_TEXTURE_2D, 0);
        fence(0, stagedPbo);
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
    }

    private void refreshOwnTexture() {
        if (format != VideoImage.Format.BGR || ownTextureFresh) return;
        if (texW[0] != stagedW || texH[0] != stagedH) {
            glBindTexture(GL_TEXTURE_2D, textures[0]);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, stagedW, stagedH, 0, GL_RGBA, GL_UNSIGNED_BYTE, 0L);
            texW[0] = stagedW;
            texH[0] = stagedH;
        }
        copyTo(textures[0], 0, 0);
        ownTextureFresh = true;
    }

    /**
     * Binds plane {@code i}'s pixel buffer for this frame and maps it for writing. The buffers keep
     * their storage (no orphaning: on llvmpipe every orphan is a fresh allocation whose pages the
     * kernel zero-fills, about 1 ms per 720p frame); instead each buffer carries a fence from its last
     * transfer, two frames ago, which is normally long signalled, and is mapped unsynchronised.
     */
    private ByteBuffer mapForWrite(int i, long size) {
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbos[i][flip]);
        if (pboSize[i][flip] != size) {
            glBufferData(GL_PIXEL_UNPACK_BUFFER, size, GL_STREAM_DRAW);
            pboSize[i][flip] = size;
        } else if (fences[i][flip] != 0) {
            glClientWaitSync(fences[i][flip], GL_SYNC_FLUSH_COMMANDS_BIT, 1_000_000_000L);
        }
        if (fences[i][flip] != 0) {
            glDeleteSync(fences[i][flip]);
            fences[i][flip] = 0;
        }
        ByteBuffer dst = glMapBufferRange(GL_PIXEL_UNPACK_BUFFER, 0, size, GL_MAP_WRITE_BIT | GL_MAP_UNSYNCHRONIZED_BIT);
        if (dst == null) throw new IllegalStateException("glMapBufferRange failed for video plane " + i);
        return dst;
    }

    /** Marks the end of a transfer from plane {@code i}'s buffer {@code pbo}, replacing any older fence. */
    private void fence(int i, int pbo) {
        if (fences[i][pbo] != 0) glDeleteSync(fences[i][pbo]);
        fences[i][pbo] = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    }

    /** Checks that {@code h} rows of {@code rowBytes}, {@code stride} apart, fit in {@code src}; returns the bytes they span. */
    private static long checkPlane(String what, ByteBuffer src, int stride, int rowBytes, int h) {
        if (stride < rowBytes) throw new IllegalArgumentException(what + " stride " + stride + " < row bytes " + rowBytes);
        long need = (long) stride * (h - 1) + rowBytes;
        if (src.remaining() < need) throw new IllegalArgumentException(what + " has " + src.remaining() + " bytes, needs " + need);
        return need;
    }

    private void uploadPlane(int i, ByteBuffer src, int stride, int w, int h, int bpp, int internal, int fmt) {
        int rowBytes = w * bpp;
        long need = checkPlane("plane " + i, src, stride, rowBytes, h);
        boolean packed = stride % bpp == 0;
        long size = packed ? need : (long) rowBytes * h;
        ByteBuffer dst = mapForWrite(i, size);
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
        fence(i, flip);
    }

    /** Binds the planes to texture units 0..2 for {@code video.frag} compiled for this frame's format. */
    public void bind(ShaderProgram videoShader) {
        if (format == null) throw new IllegalStateException("no frame uploaded yet");
        refreshOwnTexture();
        for (int i = 0; i < 3; i++) {
            glActiveTexture(GL_TEXTURE0 + i);
            glBindTexture(GL_TEXTURE_2D, textures[i]);
            videoShader.set("u_tex" + i, i);
        }
        glActiveTexture(GL_TEXTURE0);
    }

    /** The frame as an RGB(A) texture when it was uploaded as BGR, else 0 (YUV needs a conversion pass). */
    public int rgbTexture() {
        if (format != VideoImage.Format.BGR) return 0;
        refreshOwnTexture();
        return textures[0];
    }

    public boolean hasFrame() { return format != null; }
    /** The frame's own size (what the viewport maps from). */
    public int width() { return width; }
    public int height() { return height; }
    public VideoImage.Format format() { return format; }
    /** Size a BGR frame is staged at (its display size); {@link #copyTo} writes this many texels. */
    public int stagedWidth() { return stagedW; }
    public int stagedHeight() { return stagedH; }

    @Override
    public void close() {
        glDeleteTextures(textures);
        for (int[] p : pbos) glDeleteBuffers(p);
        for (long[] f : fences) for (long x : f) if (x != 0) glDeleteSync(x);
        if (scaled != null) scaled.close();
    }
}
