package dev.facemark.tracker.filter;

import dev.facemark.core.geom.FaceBox;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.render.FrameContext;
import dev.facemark.tracker.render.Framebuffer;
import dev.facemark.tracker.render.ShaderProgram;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Blurs or pixelates every face. When tracking is lost the last region stays covered for
 * {@link #holdFrames} frames, whether the tracker still reports the face (with
 * {@link TrackedFace#framesLost()} > 0) or has dropped it, so a missed detection does not flash
 * the face uncovered. Frames are counted by {@code FrameResult.frame()}, so pausing does not expire
 * a held region.
 */
public final class PrivacyFilter implements FaceFilter {
    public enum Mode { BLUR, PIXELATE }

    /** How far the covered region extends beyond the landmark box (both axes). */
    static final float REGION_SCALE = 1.4f;

    private record Held(FaceBox box, long lastSeenFrame) {}

    private final Mode mode;
    private final int holdFrames;
    private final ShaderProgram shader = new ShaderProgram("privacy.vert", "privacy.frag");
    private final ShaderProgram down = new ShaderProgram("privacy_down.vert", "privacy_down.frag");
    private final StreamMesh mesh = new StreamMesh(2, 2);
    private final ShaderProgram tent = new ShaderProgram("privacy_down.vert", "privacy_tent.frag");
    private final Framebuffer small = new Framebuffer(1, 1);
    private final Framebuffer smooth = new Framebuffer(1, 1);
    private final int emptyVao = glGenVertexArrays();
    private final Map<Integer, Held> held = new HashMap<>();

    public PrivacyFilter(Mode mode) { this(mode, 15); }

    public PrivacyFilter(Mode mode, int holdFrames) {
        this.mode = mode;
        this.holdFrames = holdFrames;
    }

    @Override public String name() { return mode == Mode.BLUR ? "blur" : "pixelate"; }

    /** The boxes to cover this frame, updating the held regions. */
    List<FaceBox> regions(List<TrackedFace> faces, long frame) {
        List<FaceBox> out = new ArrayList<>();
        java.util.Set<Integer> present = new java.util.HashSet<>();
        for (TrackedFace f : faces) {
            if (f.box() == null) continue;
            present.add(f.id());
            Held prev = held.get(f.id());
            if (f.framesLost() == 0 || prev == null) held.put(f.id(), new Held(f.box(), frame - f.framesLost()));
            if (f.framesLost() <= holdFrames) out.add(f.framesLost() == 0 || prev == null ? f.box() : prev.box());
        }
        for (Iterator<Map.Entry<Integer, Held>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Held> e = it.next();
            if (present.contains(e.getKey())) continue;
            if (frame - e.getValue().lastSeenFrame() <= holdFrames && frame >= e.getValue().lastSeenFrame()) out.add(e.getValue().box());
            else it.remove();
        }
        return out;
    }

    @Override
    public void apply(FrameContext ctx) {
        List<FaceBox> boxes = regions(ctx.result().faces(), ctx.result().frame());
        if (boxes.isEmpty()) return;
        int tex = ctx.videoRgbTexture();
        var v = ctx.viewport();
        for (FaceBox b : boxes) {
            float hw = b.w() * REGION_SCALE / 2, hh = b.h() * REGION_SCALE / 2, cx = b.cx(), cy = b.cy();
            float side = Math.max(b.w(), b.h());
            // cell: half the blur radius (side / 8), or the pixel block (side / 10)
            float cell = Math.max(2f, mode == Mode.BLUR ? side / 16f : side / 10f);
            int cw = Math.max(1, Math.round(2 * hw / cell)), ch = Math.max(1, Math.round(2 * hh / cell));

            // 1. box-average the region into a cw x ch texture
            small.resize(cw, ch);
            small.bind();
            down.use();
            down.set("u_videoTex", 0);
            down.set("u_video", v.sourceW(), v.sourceH());
            down.set("u_region", cx - hw + 0.5f, cy - hh + 0.5f, 2 * hw, 2 * hh);
            down.set("u_cells", cw, ch);
            glActiveTexture(GL_TEXTURE0);
            glBindTexture(GL_TEXTURE_2D, tex);
            glBindVertexArray(emptyVao);
            glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
            int result = small.colourTexture();
            if (mode == Mode.BLUR) {
                // 1b. soften the cells at their own resolution
                smooth.resize(cw, ch);
                smooth.bind();
                tent.use();
                tent.set("u_small", 0);
                tent.set("u_cells", cw, ch);
                glBindTexture(GL_TEXTURE_2D, result);
                glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
                result = smooth.colourTexture();
            }
            glBindVertexArray(0);

            // 2. draw it back over the face with a feathered mask
            ctx.target().bind();
            shader.use();
            SourceMapping.set(shader, v);
            shader.set("u_small", 0);
            shader.set("u_cells", cw, ch);
            shader.set("u_mode", mode == Mode.BLUR ? 0 : 1);
            glBindTexture(GL_TEXTURE_2D, result);
            glEnable(GL_BLEND);
            glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            FloatBuffer q = mesh.begin(4);
            q.put(cx - hw).put(cy - hh).put(-1).put(-1)
             .put(cx + hw).put(cy - hh).put(1).put(-1)
             .put(cx - hw).put(cy + hh).put(-1).put(1)
             .put(cx + hw).put(cy + hh).put(1).put(1);
            mesh.draw(GL_TRIANGLE_STRIP);
            glDisable(GL_BLEND);
        }
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    @Override
    public void close() {
        shader.close();
        down.close();
        tent.close();
        smooth.close();
        mesh.close();
        small.close();
        glDeleteVertexArrays(emptyVao);
    }
}
