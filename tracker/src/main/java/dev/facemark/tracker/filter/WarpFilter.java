package dev.facemark.tracker.filter;

import dev.facemark.core.points.Ibug68;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.render.FrameContext;
import dev.facemark.tracker.render.ShaderProgram;
import dev.facemark.tracker.render.Viewport;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Face reshaping by a landmark-driven grid warp in the vertex shader ({@code shaders/warp.vert}):
 * bigger eyes (radial push around each eye centre) or a slimmer jaw (jaw points pulled towards the
 * face's midline). Slim jaw warps one patch, the face box enlarged by {@link #REGION_SCALE}; big
 * eyes warps one patch spanning squares of {@link #EYE_PATCH} eye radii around the eyes (far fewer
 * pixels to shade on software GL than the whole face). The displacement fades to zero at each patch's border.
 */
public final class WarpFilter implements FaceFilter {
    public enum Kind { BIG_EYES, SLIM_JAW }

    static final float REGION_SCALE = 1.8f;
    static final float EYE_PATCH = 3f;
    private static final int GRID = 32;

    private final Kind kind;
    private final float strength;
    private final ShaderProgram shader = new ShaderProgram("warp.vert", "warp.frag");
    private final int vao, vbo, vertexCount;

    public WarpFilter(Kind kind) { this(kind, kind == Kind.BIG_EYES ? 0.45f : 0.14f); }

    /** @param strength eyes: push factor s (monotonic below 1.25); jaw: fraction of the distance to the midline */
    public WarpFilter(Kind kind, float strength) {
        this.kind = kind;
        this.strength = strength;
        FloatBuffer g = MemoryUtil.memAllocFloat((GRID - 1) * (GRID - 1) * 12);
        try {
            for (int j = 0; j + 1 < GRID; j++) {
                for (int i = 0; i + 1 < GRID; i++) {
                    float x0 = i / (GRID - 1f), x1 = (i + 1) / (GRID - 1f), y0 = j / (GRID - 1f), y1 = (j + 1) / (GRID - 1f);
                    g.put(x0).put(y0).put(x1).put(y0).put(x1).put(y1);
                    g.put(x0).put(y0).put(x1).put(y1).put(x0).put(y1);
                }
            }
            g.flip();
            vertexCount = g.remaining() / 2;
            vao = glGenVertexArrays();
            vbo = glGenBuffers();
            glBindVertexArray(vao);
            glBindBuffer(GL_ARRAY_BUFFER, vbo);
            glBufferData(GL_ARRAY_BUFFER, g, GL_STATIC_DRAW);
            glEnableVertexAttribArray(0);
            glVertexAttribPointer(0, 2, GL_FLOAT, false, 8, 0);
            glBindVertexArray(0);
        } finally {
            MemoryUtil.memFree(g);
        }
    }

    @Override public String name() { return kind == Kind.BIG_EYES ? "big-eyes" : "slim-jaw"; }

    /** The warped patches for a face: {x0, y0, w, h} each, in source pixels, clipped to the video. */
    static java.util.List<float[]> regions(Kind kind, TrackedFace f, Viewport v) {
        if (kind == Kind.SLIM_JAW) {
            float side = Math.max(f.box().w(), f.box().h()) * REGION_SCALE;
            return java.util.List.of(square(f.box().cx(), f.box().cy(), side, v));
        }
        // One patch spanning both eyes' squares: separate patches would overlap (and each fade
        // the other's push at its border), leaving a seam.
        float[] e = eyeCentres(f.landmarks());
        float half = eyeRadius(f.landmarks()) * EYE_PATCH / 2;
        return java.util.List.of(rect(Math.min(e[0], e[2]) - half, Math.min(e[1], e[3]) - half,
                Math.max(e[0], e[2]) + half, Math.max(e[1], e[3]) + half, v));
    }

    private static float[] square(float cx, float cy, float side, Viewport v) {
        return rect(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2, v);
    }

    private static float[] rect(float x0, float y0, float x1, float y1, Viewport v) {
        x0 = Math.max(-0.5f, x0);
        y0 = Math.max(-0.5f, y0);
        x1 = Math.min(v.sourceW() - 0.5f, x1);
        y1 = Math.min(v.sourceH() - 0.5f, y1);
        return new float[] {x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)};
    }

    /** Radius of the eye push: 1.4 mean eye widths (corner 36-39, 42-45). */
    static float eyeRadius(float[] lm) {
        float eyeW = (Ibug68.distance(lm, Ibug68.RIGHT_EYE_INNER, Ibug68.RIGHT_EYE_OUTER)
                + Ibug68.distance(lm, Ibug68.LEFT_EYE_OUTER, Ibug68.LEFT_EYE_INNER)) / 2;
        return Math.max(1f, eyeW * 1.4f);
    }

    static float[] eyeCentres(float[] lm) {
        float[] c = new float[4];
        int[] right = Ibug68.group("right_eye"), left = Ibug68.group("left_eye");
        for (int i : right) { c[0] += lm[2 * i] / right.length; c[1] += lm[2 * i + 1] / right.length; }
        for (int i : left) { c[2] += lm[2 * i] / left.length; c[3] += lm[2 * i + 1] / left.length; }
        return c;
    }

    @Override
    public void apply(FrameContext ctx) {
        Viewport v = ctx.viewport();
        int tex = ctx.videoRgbTexture();
        ctx.target().bind();
        shader.use();
        SourceMapping.set(shader, v);
        shader.set("u_videoTex", 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, tex);
        for (TrackedFace f : ctx.result().faces()) {
            if (f.pointCount() != 68 || f.framesLost() > 0) continue;
            float[] lm = f.landmarks();
            if (kind == Kind.BIG_EYES) {
                float[] e = eyeCentres(lm);
                shader.set("u_eyes", e[0], e[1], e[2], e[3]);
                shader.set("u_eyeRadius", eyeRadius(lm));
                shader.set("u_eyeStrength", strength);
                shader.set("u_jawCount", 0);
            } else {
                setJaw(lm);
                shader.set("u_eyeStrength", 0f);
            }
            for (float[] r : regions(kind, f, v)) {
                if (r[2] < 2 || r[3] < 2) continue;
                shader.set("u_region", r[0], r[1], r[2], r[3]);
                glBindVertexArray(vao);
                glDrawArrays(GL_TRIANGLES, 0, vertexCount);
                glBindVertexArray(0);
            }
        }
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    /** Jaw points 2..14 pulled towards their projection on the midline through points 27 and 8. */
    private void setJaw(float[] lm) {
        float ax = Ibug68.x(lm, Ibug68.NOSE_BRIDGE_TOP), ay = Ibug68.y(lm, Ibug68.NOSE_BRIDGE_TOP);
        float bx = Ibug68.x(lm, Ibug68.CHIN), by = Ibug68.y(lm, Ibug68.CHIN);
        float dx = bx - ax, dy = by - ay, len2 = Math.max(1e-6f, dx * dx + dy * dy);
        float width = Ibug68.distance(lm, Ibug68.JAW_LEFT_END, Ibug68.JAW_RIGHT_END);
        try (MemoryStack s = MemoryStack.stackPush()) {
            FloatBuffer pts = s.mallocFloat(34), pull = s.mallocFloat(34);
            int n = 0;
            for (int j = Ibug68.JAW_RIGHT_END + 2; j <= Ibug68.JAW_LEFT_END - 2; j++, n++) { // the jaw but its two ends each side
                float px = lm[2 * j], py = lm[2 * j + 1];
                float t = ((px - ax) * dx + (py - ay) * dy) / len2;
                float mx = ax + t * dx, my = ay + t * dy;
                pts.put(px).put(py);
                pull.put((mx - px) * strength).put((my - py) * strength);
            }
            pts.flip();
            pull.flip();
            glUniform2fv(shader.uniform("u_jawPts"), pts);
            glUniform2fv(shader.uniform("u_jawPull"), pull);
            shader.set("u_jawCount", n);
            shader.set("u_jawSigma", Math.max(1f, width * 0.12f));
        }
    }

    @Override
    public void close() {
        shader.close();
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
    }
}
