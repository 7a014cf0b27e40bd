package dev.facemark.tracker.render;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.points.PointGroup;
import dev.facemark.tracker.face.FaceHeatmaps;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;
import java.util.Arrays;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Draws a face's heatmaps as a colour-mapped translucent overlay. The selected maps (one point,
 * a group, or all) are each normalised to their own peak and reduced to their per-texel max, uploaded as one R32F
 * texture and colour-mapped and blended by {@code heatmap.frag} across the face. The quad is the
 * model-input crop mapped to the source by {@link FaceHeatmaps#crop()} (rotated crops included),
 * then into the target by the viewport.
 *
 * <p>Why the max is taken on the CPU: the loop that finds the normalisation maximum already reads
 * every selected value, so writing the per-texel max costs almost nothing there, while uploading
 * all maps as a texture array and reducing them in a shader cost about 5 ms per face on llvmpipe
 * (68 layers x 64 x 64 fetches) plus a 1.1 MB upload. Only 16 KB go up per face this way.
 */
public final class HeatmapOverlay implements AutoCloseable {
    private final ShaderProgram shader;
    private final int texture, vao, vbo;
    private float[] reduced = new float[0];
    private int texW, texH;

    public HeatmapOverlay() {
        shader = new ShaderProgram("heatmap.vert", "heatmap.frag");
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
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
                return Arrays.stream(idx).filter(i -> i < points).toArray();
            }
            default -> {
                int[] all = new int[points];
                for (int i = 0; i < points; i++) all[i] = i;
                return all;
            }
        }
    }

    /** Per-texel max over the selected maps, normalised to [0, 1]; null when all are zero. */
    float[] reduce(FaceHeatmaps hm, int[] sel) {
        int plane = hm.width() * hm.height();
        if (reduced.length != plane) reduced = new float[plane];
        float[] maps = hm.maps(), out = reduced;
        Arrays.fill(out, 0f);
        boolean any = false;
        // Each map is scaled to its own peak before the max: sharp, confident maps would otherwise
        // drown the broader ones, and a group or "all" view would show only a few points.
        for (int k : sel) {
            int base = k * plane;
            float max = 0;
            for (int i = 0; i < plane; i++) max = Math.max(max, maps[base + i]);
            if (!(max > 0)) continue;
            any = true;
            float inv = 1f / max;
            for (int i = 0; i < plane; i++) out[i] = Math.max(out[i], maps[base + i] * inv);
        }
        if (!any) return null;
        return out;
    }

    public void draw(FaceHeatmaps hm, RenderOptions o, Viewport vp) {
        int[] sel = selection(o, hm.points());
        if (sel.length == 0) return;
        float[] value = reduce(hm, sel);
        if (value == null) return;

        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        if (hm.width() != texW || hm.height() != texH) {
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, hm.width(), hm.height(), 0, GL_RED, GL_FLOAT, value);
            texW = hm.width();
            texH = hm.height();
        } else {
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, texW, texH, GL_RED, GL_FLOAT, value);
        }

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
        }
        shader.use();
        shader.set("u_opacity", o.heatmapOpacity());
        shader.set("u_target", vp.targetW(), vp.targetH());
        shader.set("u_value", 0);
        glActiveTexture(GL_TEXTURE0);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    @Override
    public void close() {
        shader.close();
        glDeleteTextures(texture);
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
    }
}
