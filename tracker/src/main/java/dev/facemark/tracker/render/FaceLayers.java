package dev.facemark.tracker.render;

import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.points.PointGroup;
import dev.facemark.core.points.PointScheme;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.TrackedFace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The renderer's per-face layers and its HUD, drawn into the frame's overlay batch. */
final class FaceLayers {
    private final RenderOptions options;
    private final OverlayBatch overlay;
    private final FontAtlas font;

    FaceLayers(RenderOptions options, OverlayBatch overlay, FontAtlas font) {
        this.options = options;
        this.overlay = overlay;
        this.font = font;
    }

    /** Contours, points by group, box with id and score, pose axes: each when its layer is on; lost faces half transparent. */
    void face(TrackedFace f, Viewport v) {
        PointScheme scheme = options.scheme();
        boolean lost = f.framesLost() > 0;
        int fade = lost ? 0x80 : 0xFF; // faces held while tracking is lost are drawn half transparent
        float[] lm = f.landmarks();
        int n = lm == null ? 0 : lm.length / 2;
        if (options.isOn(Layer.CONTOURS) && n == scheme.count()) {
            int[] e = scheme.edges();
            int c = Renderer.withAlpha(options.contourColour(), fade);
            for (int i = 0; i + 1 < e.length; i += 2) {
                overlay.line(v.toTargetX(lm[2 * e[i]]), v.toTargetY(lm[2 * e[i] + 1]),
                        v.toTargetX(lm[2 * e[i + 1]]), v.toTargetY(lm[2 * e[i + 1] + 1]), options.lineWidth(), c);
            }
        }
        if (options.isOn(Layer.POINTS) && n > 0) {
            if (n == scheme.count()) {
                for (PointGroup g : scheme.groups()) {
                    int c = Renderer.withAlpha(options.groupColour(g.name()), fade);
                    float r = options.pointRadius(g.name());
                    for (int i : g.indices()) overlay.disc(v.toTargetX(lm[2 * i]), v.toTargetY(lm[2 * i + 1]), r, c);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    overlay.disc(v.toTargetX(lm[2 * i]), v.toTargetY(lm[2 * i + 1]), options.pointRadius(), Renderer.withAlpha(0xFFFFFFFF, fade));
                }
            }
        }
        if (options.isOn(Layer.BOXES) && f.box() != null) {
            FaceBox b = f.box();
            int c = Renderer.withAlpha(options.boxColour(), fade);
            float x0 = v.toTargetX(b.x()), y0 = v.toTargetY(b.y()), x1 = v.toTargetX(b.x() + b.w()), y1 = v.toTargetY(b.y() + b.h());
            float lw = options.lineWidth();
            overlay.rectOutline(x0 - lw / 2, y0 - lw / 2, x1 + lw / 2, y1 + lw / 2, lw, c);
            String label = String.format(Locale.ROOT, "#%d %.2f%s", f.id(), f.score(), lost ? " lost " + f.framesLost() : "");
            float tw = font.width(label), th = font.lineHeight();
            float ly = Math.max(th, y0 - lw);
            overlay.rect(x0 - lw / 2, ly - th, x0 - lw / 2 + tw + 6, ly, Renderer.withAlpha(0x000000FF, 0xA0));
            font.draw(overlay, label, x0 - lw / 2 + 3, ly - th * 0.25f, c);
        }
        if (options.isOn(Layer.POSE) && f.pose() != null) {
            float[] p = PoseAxes.project(f.pose(), options.poseAxisLengthMm());
            if (p != null) Renderer.drawAxes(overlay, v, p, options.lineWidth() * 2, fade);
        }
    }

    /** Frame rate, model, frame and face count, stage times: top left on a dark panel. */
    void hud(HudInfo hud, FrameResult r) {
        StringBuilder sb = new StringBuilder();
        if (!Double.isNaN(hud.fps())) sb.append(String.format(Locale.ROOT, "%.1f fps", hud.fps()));
        if (!hud.modelName().isEmpty()) sb.append(sb.length() > 0 ? "  " : "").append(hud.modelName());
        List<String> lines = new ArrayList<>();
        if (sb.length() > 0) lines.add(sb.toString());
        if (r != null) lines.add(String.format(Locale.ROOT, "frame %d  faces %d", r.frame(), r.faces().size()));
        for (Map.Entry<String, Double> e : hud.stageMs().entrySet()) {
            lines.add(String.format(Locale.ROOT, "%-10s %6.2f ms", e.getKey(), e.getValue()));
        }
        if (lines.isEmpty()) return;
        float lh = font.lineHeight(), pad = 6;
        float w = 0;
        for (String s : lines) w = Math.max(w, font.width(s));
        overlay.rect(pad, pad, pad * 3 + w, pad * 3 + lh * lines.size(), 0x00000090);
        float y = pad * 2 + lh * 0.8f;
        for (String s : lines) {
            font.draw(overlay, s, pad * 2, y, 0xFFFFFFFF);
            y += lh;
        }
    }
}
