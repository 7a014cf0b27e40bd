package dev.facemark.tracker.app;

import dev.facemark.tracker.profile.Stage;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.render.HudInfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the HUD shows, from the run's {@link StageTimer}: frames per second and the mean time of
 * each stage over the last half second (a stage that did not run in that window, such as the
 * detector between detection rounds, keeps its previous value). Recomputed at most twice a second
 * so the numbers stay readable; between refreshes the same {@link HudInfo} is returned.
 */
public final class HudStats implements Supplier<HudInfo> {
    private static final long REFRESH_NS = 500_000_000L;
    /** Short HUD names; CONVERT is only shown when a stage records it. */
    private static final Map<Stage, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(Stage.GRAB, "grab");
        NAMES.put(Stage.CONVERT, "convert");
        NAMES.put(Stage.DETECT, "detect");
        NAMES.put(Stage.CROP, "crop");
        NAMES.put(Stage.INFERENCE, "inference");
        NAMES.put(Stage.DECODE, "decode");
        NAMES.put(Stage.SMOOTH_POSE, "smth+pose"); // HUD names fit 10 columns
        NAMES.put(Stage.RENDER, "render");
        NAMES.put(Stage.WRITE, "write");
        NAMES.put(Stage.FRAME, "frame");
    }

    private final StageTimer timer;
    private final String modelName;
    private final long[] lastNanos = new long[Stage.values().length];
    private final long[] lastCount = new long[Stage.values().length];
    private final Map<String, Double> stageMs = new LinkedHashMap<>();
    private long lastRefresh = System.nanoTime();
    private boolean refreshed;
    private double fps = Double.NaN;
    private HudInfo current;

    public HudStats(StageTimer timer, String modelName) {
        this.timer = timer;
        this.modelName = modelName;
        this.current = new HudInfo(Double.NaN, Map.of(), modelName);
    }

    @Override
    public HudInfo get() {
        long now = System.nanoTime();
        long frames = timer.count(Stage.FRAME) - lastCount[Stage.FRAME.ordinal()];
        if (frames > 0 && (!refreshed || now - lastRefresh >= REFRESH_NS)) refresh(now, frames);
        return current;
    }

    private void refresh(long now, long frames) {
        fps = frames / ((now - lastRefresh) / 1e9);
        for (Map.Entry<Stage, String> e : NAMES.entrySet()) {
            int i = e.getKey().ordinal();
            long n = timer.count(e.getKey()) - lastCount[i];
            long ns = timer.totalNanos(e.getKey()) - lastNanos[i];
            if (n > 0) stageMs.put(e.getValue(), ns / 1e6 / n);
            lastCount[i] += n;
            lastNanos[i] += ns;
        }
        lastRefresh = now;
        refreshed = true;
        // keep the stage order fixed whatever order the stages first appeared in
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String name : NAMES.values()) if (stageMs.containsKey(name)) ordered.put(name, stageMs.get(name));
        current = new HudInfo(fps, ordered, modelName);
    }
}
