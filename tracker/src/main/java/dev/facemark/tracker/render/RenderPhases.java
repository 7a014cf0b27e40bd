package dev.facemark.tracker.render;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.lwjgl.opengl.GL33C.glFinish;

/**
 * Optional per-phase timing of {@link Renderer#render} for the bench: each phase ends with a
 * {@code glFinish}, so the GPU (or llvmpipe's threads) is charged to the phase that queued the
 * work. The finishes serialise the pipeline, so the sum is slightly above an unprofiled frame.
 */
public final class RenderPhases {
    /** Phases in drawing order. */
    public enum Phase { UPLOAD, VIDEO, EFFECTS, HEATMAPS, OVERLAY_CPU, OVERLAY_DRAW }

    private final double[][] samples = new double[Phase.values().length][];
    private final int[] counts = new int[Phase.values().length];
    private long mark;

    public RenderPhases() {
        for (int i = 0; i < samples.length; i++) samples[i] = new double[256];
    }

    void start() {
        glFinish();
        mark = System.nanoTime();
    }

    void end(Phase p) {
        glFinish();
        endCpu(p);
    }

    /** Ends a phase measured on the CPU only (no GL work queued, no finish needed). */
    void endCpu(Phase p) {
        long now = System.nanoTime();
        int i = p.ordinal();
        if (counts[i] == samples[i].length) samples[i] = Arrays.copyOf(samples[i], counts[i] * 2);
        samples[i][counts[i]++] = (now - mark) / 1e6;
        mark = now;
    }

    /** Median ms per phase that ran at least once, in drawing order. */
    public Map<Phase, Double> medians() {
        Map<Phase, Double> m = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            int n = counts[p.ordinal()];
            if (n == 0) continue;
            double[] s = Arrays.copyOf(samples[p.ordinal()], n);
            Arrays.sort(s);
            m.put(p, s[n / 2]);
        }
        return m;
    }

    public void reset() {
        Arrays.fill(counts, 0);
    }
}
