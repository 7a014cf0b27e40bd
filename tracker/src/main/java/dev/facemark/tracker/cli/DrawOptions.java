package dev.facemark.tracker.cli;

import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.points.PointScheme;
import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.filter.FilterRegistry;
import dev.facemark.tracker.filter.FilterStack;
import dev.facemark.tracker.output.CpuPainter;
import dev.facemark.tracker.output.FramePainter;
import dev.facemark.tracker.render.GlFramePainter;
import dev.facemark.tracker.render.GlUnavailableException;
import dev.facemark.tracker.render.HeatmapMode;
import dev.facemark.tracker.render.HudInfo;
import dev.facemark.tracker.render.Layer;
import dev.facemark.tracker.render.RenderOptions;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/**
 * How annotated frames are drawn: with the OpenGL renderer (headless for files) by default, with
 * OpenCV on the CPU when asked or when no OpenGL context can be created.
 */
public final class DrawOptions {
    static final String DEFAULT_LAYERS = "video,contours,points,boxes,hud";
    /** Annotated still images: no HUD (timings of one image say nothing). */
    static final String IMAGE_LAYERS = "video,contours,points,boxes";

    @Option(names = "--layers", paramLabel = "L[,L...]",
            description = "what to draw: video,heatmaps,contours,points,boxes,pose,hud, all or none (default: " + DEFAULT_LAYERS
                    + "; images: no hud)")
    String layers;

    private String defaultLayers = DEFAULT_LAYERS;

    /** The layers drawn when {@code --layers} is not given. */
    DrawOptions defaultLayers(String list) {
        defaultLayers = list;
        return this;
    }

    @Option(names = "--heatmap", paramLabel = "MODE[:POINT|GROUP]",
            description = "heatmap overlay (heatmap models): max, point:N (0-based) or group:NAME (e.g. group:left_eye); turns the heatmaps layer on")
    String heatmap;

    @Option(names = {"--filter", "--filters"}, paramLabel = "NAME[,NAME...]", description = "face filters, drawn in this order (listed below)")
    String filter;

    @Option(names = "--cpu-draw", description = "draw with OpenCV on the CPU instead of OpenGL (points, contours, boxes and pose only)")
    boolean cpuDraw;

    /** Checks what can be checked without the model, so a typo fails before any work. */
    void validate() {
        layerSet();
        filters();
        heatmapMode();
    }

    java.util.Set<Layer> layerSet() {
        var set = java.util.EnumSet.noneOf(Layer.class);
        set.addAll(Layer.parseList(defaultLayers));
        if (layers != null) {
            try {
                set = java.util.EnumSet.noneOf(Layer.class);
                set.addAll(Layer.parseList(layers));
            } catch (IllegalArgumentException e) {
                throw new UserError("--layers: " + e.getMessage());
            }
        }
        if (heatmap != null) set.add(Layer.HEATMAPS);
        return set;
    }

    List<String> filters() {
        try {
            return FilterRegistry.parseList(filter);
        } catch (IllegalArgumentException e) {
            throw new UserError("--filter: " + e.getMessage());
        }
    }

    private HeatmapMode heatmapMode() {
        if (heatmap == null) return HeatmapMode.MAX;
        String mode = heatmap.split(":", 2)[0];
        try {
            return HeatmapMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new UserError("--heatmap: " + e.getMessage());
        }
    }

    /** Whether the tracker must keep each face's heatmaps for drawing. */
    boolean heatmapsShown() { return !cpuDraw && layerSet().contains(Layer.HEATMAPS); }

    /** The renderer's options for this model's point scheme. */
    RenderOptions renderOptions(PointScheme scheme) {
        RenderOptions o = new RenderOptions().setScheme(scheme).setLayers(layerSet());
        HeatmapMode mode = heatmapMode();
        o.setHeatmapMode(mode);
        String[] parts = heatmap == null ? new String[0] : heatmap.split(":", 2);
        if (parts.length == 2) {
            String arg = parts[1].trim();
            switch (mode) {
                case POINT -> {
                    int p;
                    try {
                        p = Integer.parseInt(arg);
                    } catch (NumberFormatException e) {
                        throw new UserError("--heatmap point:N needs a point number, got '" + arg + "'");
                    }
                    if (p < 0 || p >= scheme.count()) {
                        throw new UserError("--heatmap point:" + p + ": the model's " + scheme.name() + " points are 0-" + (scheme.count() - 1));
                    }
                    o.setHeatmapPoint(p);
                }
                case GROUP -> {
                    try {
                        o.setHeatmapGroup(arg);
                    } catch (IllegalArgumentException e) {
                        throw new UserError("--heatmap: " + e.getMessage());
                    }
                }
                case MAX -> throw new UserError("--heatmap max takes no point or group, got '" + heatmap + "'");
            }
        }
        return o;
    }

    /**
     * The painter for annotated files: the OpenGL renderer with the chosen filters, or the CPU
     * painter (asked for, or as a fallback with one line on {@code err} when OpenGL is unavailable).
     */
    FramePainter openPainter(ModelContract model, Supplier<HudInfo> hud, PrintWriter err) { return openPainter(model, hud, err, 0); }

    /** @param frameHeight the frames' height when known (0 if not): small videos get a smaller HUD font */
    FramePainter openPainter(ModelContract model, Supplier<HudInfo> hud, PrintWriter err, int frameHeight) {
        PointScheme scheme = model.scheme();
        RenderOptions options = renderOptions(scheme);
        warnIfNoHeatmaps(model, err);
        // the HUD's 12 lines fit in about half of a small frame (11 px text at 300 px high, 16 px from 432 px up)
        if (frameHeight > 0) options.setHudTextPx(Math.max(11f, Math.min(16f, frameHeight / 27f)));
        List<String> chosen = filters();
        if (!cpuDraw) {
            GlFramePainter gl;
            try {
                gl = new GlFramePainter(options, hud);
            } catch (GlUnavailableException e) {
                String skipped = skippedOnCpu(chosen);
                err.println("tracker: OpenGL unavailable, drawing on the CPU" + (skipped.isEmpty() ? "" : " (" + skipped + " skipped)") + ": " + e.getMessage());
                return new CpuPainter(scheme);
            }
            if (!chosen.isEmpty()) {
                try {
                    gl.setEffects(FilterStack.of(String.join(",", chosen)));
                } catch (RuntimeException e) {
                    gl.close();
                    throw e;
                }
            }
            return gl;
        }
        String skipped = skippedOnCpu(chosen);
        if (!skipped.isEmpty()) err.println("tracker: --cpu-draw: " + skipped + " skipped (OpenGL only)");
        return new CpuPainter(scheme);
    }

    /** One line when the heatmap layer is asked for but the model has none to show. */
    void warnIfNoHeatmaps(ModelContract model, PrintWriter err) {
        if (layerSet().contains(Layer.HEATMAPS) && model.outputKind() != OutputKind.HEATMAPS) {
            err.println("tracker: model " + model.name() + " outputs coordinates only: the heatmap layer stays empty");
        }
    }

    /** What the CPU painter cannot draw of what was asked for ("" if nothing). */
    private String skippedOnCpu(List<String> chosen) {
        StringBuilder sb = new StringBuilder();
        if (!chosen.isEmpty()) sb.append("--filter");
        if (heatmap != null || layerSet().contains(Layer.HEATMAPS)) sb.append(sb.length() > 0 ? ", " : "").append("heatmaps");
        return sb.toString();
    }
}
