package dev.facemark.tracker.render;

import dev.facemark.core.points.PointGroup;
import dev.facemark.core.points.PointScheme;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the renderer draws and how; mutable so live keys and CLI options change the same object.
 * Colours are {@code 0xRRGGBBAA}. Plain setters/getters so picocli or a config file can fill it.
 */
public final class RenderOptions {
    private final EnumSet<Layer> layers = EnumSet.of(Layer.VIDEO, Layer.CONTOURS, Layer.POINTS, Layer.BOXES, Layer.HUD);
    private PointScheme scheme = PointScheme.IBUG_68;
    private final Map<String, Integer> groupColours = new HashMap<>(defaultGroupColours());
    private final Map<String, Float> groupPointRadius = new HashMap<>();
    private float pointRadius = 2.5f;
    private float lineWidth = 1.5f;
    private int contourColour = 0x00FFFFB0;
    private int boxColour = 0x40FF40FF;
    private int letterboxColour = 0x000000FF;
    private HeatmapMode heatmapMode = HeatmapMode.MAX;
    private int heatmapPoint = 30;
    private String heatmapGroup = "jaw";
    private float heatmapOpacity = 0.75f;
    private double poseAxisLengthMm = 60;
    private float hudTextPx = 16;

    private static Map<String, Integer> defaultGroupColours() {
        return Map.of(
                "jaw", 0xFFD24AFF, "right_brow", 0xFF7F0EFF, "left_brow", 0xFF7F0EFF,
                "nose_bridge", 0x2CA02CFF, "nose_base", 0x2CA02CFF, "nose", 0x2CA02CFF,
                "right_eye", 0x1F9BFFFF, "left_eye", 0x1F9BFFFF,
                "outer_lip", 0xFF3B6BFF, "inner_lip", 0xE377C2FF);
    }

    public boolean isOn(Layer l) { return layers.contains(l); }
    public Set<Layer> layers() { return EnumSet.copyOf(layers); }
    public RenderOptions setLayers(Set<Layer> on) { layers.clear(); layers.addAll(on); return this; }
    public RenderOptions setLayers(String commaList) { return setLayers(Layer.parseList(commaList)); }
    public RenderOptions set(Layer l, boolean on) { if (on) layers.add(l); else layers.remove(l); return this; }
    public boolean toggle(Layer l) { set(l, !isOn(l)); return isOn(l); }

    public PointScheme scheme() { return scheme; }
    public RenderOptions setScheme(PointScheme s) { scheme = s; return this; }

    /** Colour of a point group's points; unknown groups are white. */
    public int groupColour(String group) { return groupColours.getOrDefault(group, 0xFFFFFFFF); }
    public RenderOptions setGroupColour(String group, int rgba) { groupColours.put(group, rgba); return this; }
    public float pointRadius(String group) { return groupPointRadius.getOrDefault(group, pointRadius); }
    public RenderOptions setGroupPointRadius(String group, float r) { groupPointRadius.put(group, r); return this; }
    public float pointRadius() { return pointRadius; }
    public RenderOptions setPointRadius(float r) { pointRadius = r; return this; }
    public float lineWidth() { return lineWidth; }
    public RenderOptions setLineWidth(float w) { lineWidth = w; return this; }
    public int contourColour() { return contourColour; }
    public RenderOptions setContourColour(int c) { contourColour = c; return this; }
    public int boxColour() { return boxColour; }
    public RenderOptions setBoxColour(int c) { boxColour = c; return this; }
    public int letterboxColour() { return letterboxColour; }
    public RenderOptions setLetterboxColour(int c) { letterboxColour = c; return this; }

    public HeatmapMode heatmapMode() { return heatmapMode; }
    public RenderOptions setHeatmapMode(HeatmapMode m) { heatmapMode = m; return this; }
    public int heatmapPoint() { return heatmapPoint; }
    public RenderOptions setHeatmapPoint(int p) { heatmapPoint = p; return this; }
    public String heatmapGroup() { return heatmapGroup; }
    public RenderOptions setHeatmapGroup(String g) {
        if (scheme.group(g).isEmpty()) {
            throw new IllegalArgumentException("unknown point group '" + g + "' in " + scheme.name() + "; choose from "
                    + scheme.groups().stream().map(PointGroup::name).toList());
        }
        heatmapGroup = g;
        return this;
    }
    public float heatmapOpacity() { return heatmapOpacity; }
    public RenderOptions setHeatmapOpacity(float o) { heatmapOpacity = o; return this; }

    /** Steps the heatmap point (POINT mode) or group (GROUP mode) forwards or backwards. */
    public void cycleHeatmap(int step) {
        if (heatmapMode == HeatmapMode.GROUP) {
            var groups = scheme.groups();
            int i = 0;
            for (int k = 0; k < groups.size(); k++) if (groups.get(k).name().equals(heatmapGroup)) i = k;
            heatmapGroup = groups.get(Math.floorMod(i + step, groups.size())).name();
        } else {
            heatmapPoint = Math.floorMod(heatmapPoint + step, scheme.count());
        }
    }

    public double poseAxisLengthMm() { return poseAxisLengthMm; }
    public RenderOptions setPoseAxisLengthMm(double l) { poseAxisLengthMm = l; return this; }
    public float hudTextPx() { return hudTextPx; }
    public RenderOptions setHudTextPx(float px) { hudTextPx = px; return this; }
}
