package dev.facemark.tracker.render;

import org.lwjgl.stb.STBTTAlignedQuad;
import org.lwjgl.stb.STBTTBakedChar;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

import static org.lwjgl.opengl.GL33C.*;
import static org.lwjgl.stb.STBTruetype.stbtt_BakeFontBitmap;
import static org.lwjgl.stb.STBTruetype.stbtt_GetBakedQuad;

/**
 * Printable ASCII baked once with stb_truetype into an R8 coverage texture. The font is DejaVu Sans
 * Mono, shipped in {@code fonts/} with its (Bitstream Vera / public domain) licence: monospaced so
 * HUD numbers do not jitter.
 */
public final class FontAtlas implements AutoCloseable {
    private static final String FONT = "fonts/DejaVuSansMono.ttf";
    private static final int FIRST = 32, COUNT = 95, SIZE = 512;

    private final int texture;
    private final STBTTBakedChar.Buffer chars;
    private final float pixelHeight;

    public FontAtlas(float pixelHeight) {
        this.pixelHeight = pixelHeight;
        ByteBuffer ttf = loadFont();
        ByteBuffer bitmap = MemoryUtil.memAlloc(SIZE * SIZE);
        chars = STBTTBakedChar.malloc(COUNT);
        try {
            int r = stbtt_BakeFontBitmap(ttf, pixelHeight, bitmap, SIZE, SIZE, FIRST, chars);
            if (r <= 0) throw new IllegalStateException("font atlas " + SIZE + "px too small for " + pixelHeight + "px glyphs");
            texture = glGenTextures();
            glBindTexture(GL_TEXTURE_2D, texture);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, SIZE, SIZE, 0, GL_RED, GL_UNSIGNED_BYTE, bitmap);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glBindTexture(GL_TEXTURE_2D, 0);
        } finally {
            MemoryUtil.memFree(bitmap);
            MemoryUtil.memFree(ttf);
        }
    }

    private static ByteBuffer loadFont() {
        try (InputStream in = FontAtlas.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) throw new IllegalStateException("font resource " + FONT + " missing from the classpath");
            byte[] bytes = in.readAllBytes();
            ByteBuffer b = MemoryUtil.memAlloc(bytes.length);
            b.put(bytes).flip();
            return b;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FONT + ": " + e.getMessage(), e);
        }
    }

    public int texture() { return texture; }
    public float lineHeight() { return pixelHeight * 1.2f; }

    /** Queues {@code text} with its baseline starting at (x, y) in target pixels; returns the end x. */
    public float draw(OverlayBatch batch, String text, float x, float y, int rgba) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer px = stack.floats(x), py = stack.floats(y);
            STBTTAlignedQuad q = STBTTAlignedQuad.malloc(stack);
            for (int i = 0; i < text.length(); i++) {
                int c = text.charAt(i);
                if (c < FIRST || c >= FIRST + COUNT) c = '?';
                stbtt_GetBakedQuad(chars, SIZE, SIZE, c - FIRST, px, py, q, true);
                batch.glyph(q.x0(), q.y0(), q.x1(), q.y1(), q.s0(), q.t0(), q.s1(), q.t1(), rgba);
            }
            return px.get(0);
        }
    }

    /** Width of {@code text} in pixels. */
    public float width(String text) {
        float w = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if (c < FIRST || c >= FIRST + COUNT) c = '?';
            w += chars.get(c - FIRST).xadvance();
        }
        return w;
    }

    @Override
    public void close() {
        glDeleteTextures(texture);
        chars.free();
    }
}
