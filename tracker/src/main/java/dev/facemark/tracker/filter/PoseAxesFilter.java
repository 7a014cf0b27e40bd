package dev.facemark.tracker.filter;

import dev.facemark.core.points.Ibug68;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.render.FrameContext;
import dev.facemark.tracker.render.PoseAxes;
import dev.facemark.tracker.render.Renderer;

/**
 * Head-pose axes drawn from the nose tip (point 30) rather than the head model's origin: X red,
 * Y green, Z blue, {@link #LENGTH_MM} long. Queued on the renderer's overlay batch (shaders
 * {@code overlay.*}), so they land above the video and other filters.
 */
public final class PoseAxesFilter implements FaceFilter {
    static final double LENGTH_MM = 50;

    @Override public String name() { return "axes"; }

    @Override
    public void apply(FrameContext ctx) {
        for (TrackedFace f : ctx.result().faces()) {
            if (f.pose() == null || f.pointCount() <= 30) continue;
            float[] p = PoseAxes.projectAt(f.pose(), LENGTH_MM, f.x(Ibug68.NOSE_TIP), f.y(Ibug68.NOSE_TIP));
            if (p != null) Renderer.drawAxes(ctx.overlay(), ctx.viewport(), p, 3f, f.framesLost() > 0 ? 0x80 : 0xFF);
        }
    }
}
