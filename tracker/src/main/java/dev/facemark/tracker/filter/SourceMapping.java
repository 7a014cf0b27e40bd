package dev.facemark.tracker.filter;

import dev.facemark.tracker.render.ShaderProgram;
import dev.facemark.tracker.render.Viewport;

/**
 * Sets the uniforms every filter vertex shader uses to go from source pixels (pixel-centre
 * convention) to clip space: {@code u_map = (scaleX, scaleY, offsetX, offsetY)} with
 * target = offset + (p + 0.5) * scale, and {@code u_target} (target size). Also {@code u_video}
 * size for texture lookups.
 */
final class SourceMapping {
    private SourceMapping() {}

    static void set(ShaderProgram p, Viewport v) {
        p.set("u_map", v.scaleX(), v.scaleY(), v.x(), v.y());
        p.set("u_target", v.targetW(), v.targetH());
        p.set("u_video", v.sourceW(), v.sourceH());
    }
}
