package dev.facemark.tracker.filter;

import dev.facemark.core.points.Ibug68;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.render.FrameContext;
import dev.facemark.tracker.render.ShaderProgram;

import java.nio.FloatBuffer;

import static org.lwjgl.opengl.GL33C.*;

/**
 * The face as a triangle mesh: {@link FaceTemplate#TRIANGLES} over the 68 landmarks plus forehead
 * points extrapolated above the brows. Wireframe, or shaded with a wireframe on top.
 */
public final class MeshFilter implements FaceFilter {
    /** Line colour (RGBA) of the wireframe. */
    public static final int LINE = 0x40E0FFFF;
    /** Fill colour (RGBA) of the shaded mesh, before shading. */
    public static final int FILL = 0xFF80C0C0;

    /** Edges on the mesh's outline (in one triangle only): drawn as solid quads, since the barycentric wireframe only draws their inner half. */
    static final int[] OUTLINE = outline();

    private final boolean shaded;
    private final ShaderProgram shader = new ShaderProgram("mesh.vert", "mesh.frag");
    private final StreamMesh mesh = new StreamMesh(2, 3, 1);

    public MeshFilter(boolean shaded) { this.shaded = shaded; }

    @Override public String name() { return shaded ? "mesh-shaded" : "mesh"; }

    @Override
    public void apply(FrameContext ctx) {
        shader.use();
        SourceMapping.set(shader, ctx.viewport());
        setColour("u_line", LINE);
        if (shaded) setColour("u_fill", FILL); else shader.set("u_fill", 0, 0, 0, 0);
        shader.set("u_lineWidth", 2f);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        int[] tri = FaceTemplate.TRIANGLES;
        for (TrackedFace f : ctx.result().faces()) {
            if (f.pointCount() != 68) continue;
            float[] p = FaceTemplate.withForehead(f.landmarks());
            // shade: 1 at the nose tip falling towards the outline, like light on a dome
            float nx = Ibug68.x(p, Ibug68.NOSE_TIP), ny = Ibug68.y(p, Ibug68.NOSE_TIP);
            float reach = Ibug68.distance(p, Ibug68.JAW_LEFT_END, Ibug68.JAW_RIGHT_END) * 0.75f; // 0.75 x jaw width
            float half = 1f / ctx.viewport().scaleX(); // 2 target px wide, as the wireframe
            FloatBuffer v = mesh.begin(tri.length + OUTLINE.length * 3);
            for (int t = 0; t < tri.length; t += 3) {
                for (int k = 0; k < 3; k++) {
                    int i = tri[t + k];
                    float x = p[2 * i], y = p[2 * i + 1];
                    float r = (float) Math.hypot(x - nx, y - ny) / reach;
                    v.put(x).put(y).put(k == 0 ? 1 : 0).put(k == 1 ? 1 : 0).put(k == 2 ? 1 : 0)
                     .put(Math.max(0.35f, 1f - 0.65f * r * r));
                }
            }
            for (int e = 0; e < OUTLINE.length; e += 2) {
                float ax = p[2 * OUTLINE[e]], ay = p[2 * OUTLINE[e] + 1], bx = p[2 * OUTLINE[e + 1]], by = p[2 * OUTLINE[e + 1] + 1];
                float len = (float) Math.hypot(bx - ax, by - ay);
                if (len < 1e-4f) continue;
                float nx2 = -(by - ay) / len * half, ny2 = (bx - ax) / len * half;
                float[] q = {ax + nx2, ay + ny2, bx + nx2, by + ny2, bx - nx2, by - ny2, ax + nx2, ay + ny2, bx - nx2, by - ny2, ax - nx2, ay - ny2};
                for (int k = 0; k < 12; k += 2) v.put(q[k]).put(q[k + 1]).put(0).put(0).put(0).put(1); // bary 0: solid line
            }
            shader.set("u_opacity", f.framesLost() > 0 ? 0.5f : 1f);
            mesh.draw(GL_TRIANGLES);
        }
        glDisable(GL_BLEND);
    }

    private static int[] outline() {
        java.util.Map<Long, Integer> count = new java.util.HashMap<>();
        int[] t = FaceTemplate.TRIANGLES;
        for (int i = 0; i < t.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                int a = t[i + k], b = t[i + (k + 1) % 3];
                count.merge(((long) Math.min(a, b) << 32) | Math.max(a, b), 1, Integer::sum);
            }
        }
        return count.entrySet().stream().filter(e -> e.getValue() == 1)
                .flatMapToInt(e -> java.util.stream.IntStream.of((int) (e.getKey() >> 32), (int) (long) e.getKey()))
                .toArray();
    }

    private void setColour(String u, int rgba) {
        shader.set(u, ((rgba >>> 24) & 0xFF) / 255f, ((rgba >>> 16) & 0xFF) / 255f, ((rgba >>> 8) & 0xFF) / 255f, (rgba & 0xFF) / 255f);
    }

    @Override
    public void close() {
        shader.close();
        mesh.close();
    }
}
