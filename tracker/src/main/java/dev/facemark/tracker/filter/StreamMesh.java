package dev.facemark.tracker.filter;

import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;

import static org.lwjgl.opengl.GL33C.*;

/** A VAO + VBO of float attributes (locations 0, 1, ...) refilled each frame, orphaning the old storage. */
final class StreamMesh implements AutoCloseable {
    private final int vao, vbo, floatsPerVertex;
    private FloatBuffer data;

    StreamMesh(int... attributeSizes) {
        int total = 0;
        for (int s : attributeSizes) total += s;
        floatsPerVertex = total;
        data = MemoryUtil.memAllocFloat(total * 1024);
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        int offset = 0;
        for (int i = 0; i < attributeSizes.length; i++) {
            glEnableVertexAttribArray(i);
            glVertexAttribPointer(i, attributeSizes[i], GL_FLOAT, false, total * 4, offset * 4L);
            offset += attributeSizes[i];
        }
        glBindVertexArray(0);
    }

    /** Starts a new frame's vertices. */
    FloatBuffer begin(int vertices) {
        int need = vertices * floatsPerVertex;
        if (data.capacity() < need) {
            MemoryUtil.memFree(data);
            data = MemoryUtil.memAllocFloat(need);
        }
        data.clear();
        return data;
    }

    /** Uploads what was put since {@link #begin} and draws it. */
    void draw(int mode) {
        data.flip();
        int vertices = data.remaining() / floatsPerVertex;
        if (vertices == 0) return;
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, (long) data.remaining() * 4, GL_STREAM_DRAW);
        glBufferSubData(GL_ARRAY_BUFFER, 0, data);
        glBindVertexArray(vao);
        glDrawArrays(mode, 0, vertices);
        glBindVertexArray(0);
    }

    @Override
    public void close() {
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
        MemoryUtil.memFree(data);
    }
}
