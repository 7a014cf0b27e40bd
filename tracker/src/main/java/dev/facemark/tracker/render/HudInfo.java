package dev.facemark.tracker.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the HUD shows: frames per second, per-stage latency in ms (drawn in the map's iteration
 * order, so pass a LinkedHashMap) and the model's name.
 */
public record HudInfo(double fps, Map<String, Double> stageMs, String modelName) {
    public HudInfo {
        stageMs = stageMs == null ? Map.of() : new LinkedHashMap<>(stageMs);
        modelName = modelName == null ? "" : modelName;
    }

    public static HudInfo empty() { return new HudInfo(Double.NaN, Map.of(), ""); }
}
