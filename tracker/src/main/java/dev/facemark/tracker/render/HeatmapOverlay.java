package dev.facemark.tracker.render;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.points.PointGroup;
import dev.facemark.tracker.face.FaceHeatmaps;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Draws a face's heatmaps as a colour-mapped translucent overlay. The maps go up as one R32F texture
 * array (one layer per point); {@code heatmap_reduce.frag} takes the max over the selected layers
 * into one normalised map at heatmap resolution, which {@code heatmap.frag} colour-maps across the
 * face. The quad is the model-input crop mapped to the source by {@link FaceHeatmaps#crop()}
 * (rotated crops included), then into the target by the viewport.
 */
public final class HeatmapOverlay implements AutoCloseable {
    private static final int MAX_LAYERS = 128;

    private final ShaderProgram shader;
    private final ShaderProgram reduce;
    private final Framebuffer reduced;
    private final int texture, vao, vbo, emptyVao;
    private int texW, texH, texLayers;

    public HeatmapOverlay() {
        shader = new ShaderProgram("heatmap.vert", "heatmap.frag");
        reduce = new ShaderProgram("fullscreen.vert", "heatmap_reduce.frag");
        reduced = new Framebuffer(1, 1, GL_R32F);
        emptyVao = glGenVertexArrays();
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D_ARRAY, texture);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, 4 * 4 * 4, GL_STREAM_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, 16, 0);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, 16, 8);
        glBindVertexArray(0);
    }

    /** The map indices the options select for a face with {@code points} maps. */
    static int[] selection(RenderOptions o, int points) {
        switch (o.heatmapMode()) {
            case POINT -> { return new int[] {Math.floorMod(o.heatmapPoint(), points)}; }
            case GROUP -> {
                int[] idx = o.scheme().group(o.heatmapGroup()).map(PointGroup::indices).orElse(new int[0]);
                return java.util.Arrays.stream(idx).filter(i -> i < points).toArray();
            }
            default -> {
                int[] all = new int[points];
                for (int i = 0; i < points; i++) all[i] = i;
                return all;
            }
        }
    }

    public void draw(FaceHeatmaps hm, RenderOptions o, Viewport vp, Framebuffer target) {
        int[] sel = selection(o, hm.points());
        if (sel.length == 0) return;
        if (sel.length > MAX_LAYERS) sel = java.util.Arrays.copyOf(sel, MAX_LAYERS);
        upload(hm);
        float max = 0;
        int plane = hm.width() * hm.height();
        float[] maps = hm.maps();
        for (int p : sel) for (int i = p * plane, e = i + plane; i < e; i++) max = Math.max(max, maps[i]);
        if (!(max > 0)) return;

        CropTransform crop = hm.crop();
        float l = -0.5f, t = -0.5f, r = crop.width() - 0.5f, b = crop.height() - 0.5f;
        float[] src = crop.toSource(new float[] {l, t, r, t, l, b, r, b});
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer v = stack.mallocFloat(16);
            float[] uv = {0, 0, 1, 0, 0, 1, 1, 1};
            for (int k = 0; k < 4; k++) {
                // Corners are pixel edges: convert edge coordinates, not centres, into the target.
                float ex = src[2 * k] + 0.5f, ey = src[2 * k + 1] + 0.5f;
                v.put(vp.x() + ex * vp.scaleX()).put(vp.y() + ey * vp.scaleY()).put(uv[2 * k]).put(uv[2 * k + 1]);
            }
            v.flip();
            glBindBuffer(GL_ARRAY_BUFFER, vbo);
            glBufferSubData(GL_ARRAY_BUFFER, 0, v);
            IntBuffer layers = stack.mallocInt(sel.length).put(sel).flip();
            reduced.resize(hm.width(), hm.height());
            reduced.bind();
            reduce.use();
            glUniform1iv(reduce.uniform("u_layers"), layers);
        }
        reduce.set("u_count", sel.length);
        reduce.set("u_scale", 1f / max);
        reduce.set("u_maps", 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D_ARRAY, texture);
        glBindVertexArray(emptyVao);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindTexture(GL_TEXTURE_2D_ARRAY, 0);

        target.bind();
        shader.use();
        shader.set("u_opacity", o.heatmapOpacity());
        shader.set("u_target", vp.targetW(), vp.targetH());
        shader.set("u_value", 0);
        glBindTexture(GL_TEXTURE_2D, reduced.colourTexture());
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    private void upload(FaceHeatmaps hm) {
        glBindTexture(GL_TEXTURE_2D_ARRAY, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        FloatBuffer buf = MemoryUtil.memAllocFloat(hm.maps().length);
        try {
            buf.put(hm.maps()).flip();
            if (hm.width() != texW || hm.height() != texH || hm.points() != texLayers) {
                glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_R32F, hm.width(), hm.height(), hm.points(), 0, GL_RED, GL_FLOAT, buf);
                texW = hm.width();
                texH = hm.height();
                texLayers = hm.points();
            } else {
                glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, texW, texH, texLayers, GL_RED, GL_FLOAT, buf);
            }
        } finally {
            MemoryUtil.memFree(buf);
        }
    }

    @Override
    public void close() {
        shader.close();
        reduce.close();
        reduced.close();
        glDeleteVertexArrays(emptyVao);
        glDeleteTextures(texture);
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
    }
}
