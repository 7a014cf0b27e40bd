package dev.facemark.tracker.render;

import java.util.Locale;

/** Which maps the heatmap overlay shows: one point's, one group's (max), or the max over all. */
public enum HeatmapMode {
    POINT, GROUP, MAX;

    public static HeatmapMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown heatmap mode '" + s + "'; choose point, group or max");
        }
    }

    public HeatmapMode next() { return values()[(ordinal() + 1) % values().length]; }
}
