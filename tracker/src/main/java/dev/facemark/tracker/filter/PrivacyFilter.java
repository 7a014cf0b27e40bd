package dev.facemark.tracker.filter;

import dev.facemark.core.geom.FaceBox;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.render.FrameContext;
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
    private final StreamMesh mesh = new StreamMesh(2, 2);
    private final int sampler;
    private final Map<Integer, Held> held = new HashMap<>();

    public PrivacyFilter(Mode mode) { this(mode, 15); }

    public PrivacyFilter(Mode mode, int holdFrames) {
        this.mode = mode;
        this.holdFrames = holdFrames;
        // Own sampler: trilinear over the mip chain this filter regenerates, without changing how
        // the renderer samples the same texture.
        sampler = glGenSamplers();
        glSamplerParameteri(sampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glSamplerParameteri(sampler, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glSamplerParameteri(sampler, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glSamplerParameteri(sampler, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
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
        ctx.target().bind();
        glBindTexture(GL_TEXTURE_2D, tex);
        glGenerateMipmap(GL_TEXTURE_2D);
        shader.use();
        SourceMapping.set(shader, ctx.viewport());
        shader.set("u_videoTex", 0);
        shader.set("u_mode", mode == Mode.BLUR ? 0 : 1);
        glActiveTexture(GL_TEXTURE0);
        glBindSampler(0, sampler);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        for (FaceBox b : boxes) {
            float side = Math.max(b.w(), b.h());
            float hw = b.w() * REGION_SCALE / 2, hh = b.h() * REGION_SCALE / 2, cx = b.cx(), cy = b.cy();
            shader.set("u_radius", Math.max(2f, side / (mode == Mode.BLUR ? 8f : 10f)));
            FloatBuffer v = mesh.begin(4);
            v.put(cx - hw).put(cy - hh).put(-1).put(-1)
             .put(cx + hw).put(cy - hh).put(1).put(-1)
             .put(cx - hw).put(cy + hh).put(-1).put(1)
             .put(cx + hw).put(cy + hh).put(1).put(1);
            mesh.draw(GL_TRIANGLE_STRIP);
        }
        glDisable(GL_BLEND);
        glBindSampler(0, 0);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    @Override
    public void close() {
        shader.close();
        mesh.close();
        glDeleteSamplers(sampler);
    }
}
