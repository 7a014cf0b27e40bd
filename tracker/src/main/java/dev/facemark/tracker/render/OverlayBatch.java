package dev.facemark.tracker.render;

import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Collects 2D triangles (points as discs, thick lines, rectangles, glyph quads) in target pixels,
 * y down, and draws them in one call. Colours are {@code 0xRRGGBBAA}. Thick lines are expanded to
 * quads on the CPU because core-profile GL only guarantees 1-pixel lines.
 */
public final class OverlayBatch implements AutoCloseable {
    private static final int FLOATS_PER_VERTEX = 8; // x, y, u, v, r, g, b, a
    /** Disc vertices carry u = DISC_U + x, v = y in the disc's unit coordinates (see overlay.frag). */
    private static final float DISC_U = -10f;

    private final ShaderProgram shader;
    private final int vao, vbo;
    private FloatBuffer data = MemoryUtil.memAllocFloat(FLOATS_PER_VERTEX * 6 * 1024);
    private int vboCapacityBytes;

    public OverlayBatch() {
        shader = new ShaderProgram("overlay.vert", "overlay.frag");
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        int stride = FLOATS_PER_VERTEX * 4;
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, stride, 0);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, stride, 8);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_FLOAT, false, stride, 16);
        glBindVertexArray(0);
    }

    public boolean isEmpty() { return data.position() == 0; }

    private void ensure(int vertices) {
        int need = vertices * FLOATS_PER_VERTEX;
        if (data.remaining() < need) {
            FloatBuffer bigger = MemoryUtil.memAllocFloat(Math.max(data.capacity() * 2, data.position() + need));
            data.flip();
            bigger.put(data);
            MemoryUtil.memFree(data);
            data = bigger;
        }
    }

    private void vertex(float x, float y, float u, float v, int rgba) {
        data.put(x).put(y).put(u).put(v)
            .put(((rgba >>> 24) & 0xFF) / 255f).put(((rgba >>> 16) & 0xFF) / 255f)
            .put(((rgba >>> 8) & 0xFF) / 255f).put((rgba & 0xFF) / 255f);
    }

    public void triangle(float x0, float y0, float x1, float y1, float x2, float y2, int rgba) {
        ensure(3);
        vertex(x0, y0, -1, -1, rgba);
        vertex(x1, y1, -1, -1, rgba);
        vertex(x2, y2, -1, -1, rgba);
    }

    /** Axis-aligned filled rectangle [x0, x1) x [y0, y1). */
    public void rect(float x0, float y0, float x1, float y1, int rgba) {
        triangle(x0, y0, x1, y0, x1, y1, rgba);
        triangle(x0, y0, x1, y1, x0, y1, rgba);
    }

    /** Rectangle outline of the given line width, drawn inside the rectangle's edges. */
    public void rectOutline(float x0, float y0, float x1, float y1, float width, int rgba) {
        rect(x0, y0, x1, y0 + width, rgba);
        rect(x0, y1 - width, x1, y1, rgba);
        rect(x0, y0 + width, x0 + width, y1 - width, rgba);
        rect(x1 - width, y0 + width, x1, y1 - width, rgba);
    }

    public void line(float x0, float y0, float x1, float y1, float width, int rgba) {
        float dx = x1 - x0, dy = y1 - y0;
        float len = (float) Math.hypot(dx, dy);
        if (len < 1e-6f) return;
        float nx = -dy / len * width / 2, ny = dx / len * width / 2;
        triangle(x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, rgba);
        triangle(x0 + nx, y0 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny, rgba);
    }

    /**
     * A filled, anti-aliased disc: one quad whose fragment shader cuts the circle (2 triangles
     * instead of a 16-segment fan; on software GL the per-triangle setup dominates small shapes).
     */
    public void disc(float cx, float cy, float radius, int rgba) {
        if (!(radius > 0)) return;
        // Half a pixel of margin so the anti-aliased rim is not clipped by the quad.
        float e = radius + 0.5f, k = e / radius;
        ensure(6);
        vertex(cx - e, cy - e, DISC_U - k, -k, rgba);
        vertex(cx + e, cy - e, DISC_U + k, -k, rgba);
        vertex(cx + e, cy + e, DISC_U + k, k, rgba);
        vertex(cx - e, cy - e, DISC_U - k, -k, rgba);
        vertex(cx + e, cy + e, DISC_U + k, k, rgba);
        vertex(cx - e, cy + e, DISC_U - k, k, rgba);
    }

    /** A textured quad sampling the font atlas' coverage. */
    public void glyph(float x0, float y0, float x1, float y1, float s0, float t0, float s1, float t1, int rgba) {
        ensure(6);
        vertex(x0, y0, s0, t0, rgba);
        vertex(x1, y0, s1, t0, rgba);
        vertex(x1, y1, s1, t1, rgba);
        vertex(x0, y0, s0, t0, rgba);
        vertex(x1, y1, s1, t1, rgba);
        vertex(x0, y1, s0, t1, rgba);
    }

    /** Draws everything collected with alpha blending into the bound target, then clears the batch. */
    public void flush(int targetW, int targetH, int fontTexture) {
        int vertices = data.position() / FLOATS_PER_VERTEX;
        if (vertices == 0) return;
        data.flip();
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        int bytes = data.remaining() * 4;
        if (bytes > vboCapacityBytes) {
            vboCapacityBytes = Math.max(bytes, vboCapacityBytes * 2);
            glBufferData(GL_ARRAY_BUFFER, vboCapacityBytes, GL_STREAM_DRAW);
        } else {
            glBufferData(GL_ARRAY_BUFFER, vboCapacityBytes, GL_STREAM_DRAW); // orphan last frame's storage
        }
        glBufferSubData(GL_ARRAY_BUFFER, 0, data);
        shader.use();
        shader.set("u_target", targetW, targetH);
        shader.set("u_font", 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, fontTexture);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLES, 0, vertices);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
        data.clear();
    }

    @Override
    public void close() {
        shader.close();
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
        MemoryUtil.memFree(data);
    }
}
