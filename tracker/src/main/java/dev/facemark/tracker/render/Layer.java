package dev.facemark.tracker.render;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What the renderer can draw, in drawing order; each has a CLI name and a toggle key in the live window. */
public enum Layer {
    VIDEO("video"),
    HEATMAPS("heatmaps"),
    CONTOURS("contours"),
    POINTS("points"),
    BOXES("boxes"),
    POSE("pose"),
    HUD("hud");

    private final String cliName;

    Layer(String cliName) { this.cliName = cliName; }

    public String cliName() { return cliName; }

    /** Parses a comma list such as {@code "points,contours,hud"}; "all" and "none" are accepted. */
    public static Set<Layer> parseList(String list) {
        EnumSet<Layer> set = EnumSet.noneOf(Layer.class);
        for (String raw : list.split(",")) {
            String n = raw.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty() || n.equals("none")) continue;
            if (n.equals("all")) { set.addAll(EnumSet.allOf(Layer.class)); continue; }
            Layer l = Arrays.stream(values()).filter(v -> v.cliName.equals(n)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown layer '" + raw.trim() + "'; choose from " + names() + ", all, none"));
            set.add(l);
        }
        return set;
    }

    public static String names() {
        return Arrays.stream(values()).map(Layer::cliName).collect(Collectors.joining(","));
    }
}
