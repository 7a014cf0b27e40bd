package dev.facemark.trainer.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Size of a network to build: input width/height/channels, number of points, and architecture options
 * (e.g. {@code width=0.5} multiplier, {@code variant=small} for the UNet, {@code head=heatmap} for fast).
 */
public record ArchConfig(int width, int height, int channels, int points, Map<String, String> options) {
    public ArchConfig {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("input size must be positive, got " + width + "x" + height);
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        if (points <= 0) throw new IllegalArgumentException("points must be positive, got " + points);
        options = new TreeMap<>(options);
    }

    public ArchConfig(int width, int height, int channels, int points) { this(width, height, channels, points, Map.of()); }

    public String option(String key, String fallback) { return options.getOrDefault(key, fallback); }

    public float floatOption(String key, float fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return Float.parseFloat(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a number, got '" + v + "'");
        }
    }

    public ArchConfig withOption(String key, String value) {
        Map<String, String> o = new TreeMap<>(options);
        o.put(key, value);
        return new ArchConfig(width, height, channels, points, o);
    }

    public ArchConfig withSize(int w, int h) { return new ArchConfig(w, h, channels, points, options); }
}
