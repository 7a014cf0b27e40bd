package dev.facemark.tracker.bench;

import org.bytedeco.javacpp.Pointer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The leak check: plays the input for many frames through the whole pipeline and samples the
 * process's resident memory (VmRSS), the Java heap in use and JavaCPP's tracked native bytes. The
 * baseline is taken when the warm-up ends (JIT, ONNX Runtime arenas, decoder buffers all allocated);
 * growth from there to the end is what a long live session would leak.
 *
 * <p>The baseline and the last sample are taken after a full GC, so garbage waiting for collection
 * (Java objects, and JavaCPP pointers freed by their GC-driven deallocators) does not count as growth.
 * The JVM may still grow its heap during the run; run with a fixed heap ({@code -Xms = -Xmx}, plus
 * {@code -XX:+AlwaysPreTouch}) to keep heap sizing out of RSS, or read {@code nonHeapKb}.
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    /**
     * One sample, after {@code frame} frames (warm-up included): resident set, Java heap in use and
     * committed, JavaCPP's tracked native bytes. RSS minus the committed heap is (roughly) the native part.
     */
    public record Sample(long frame, long rssKb, long heapUsedKb, long heapCommittedKb, long javacppKb) {
        public long nonHeapKb() { return rssKb - heapCommittedKb; }
    }

    /**
     * @param baseline  the sample at the end of the warm-up
     * @param end       the last sample
     * @param samples   every {@code every} frames, for a trend
     */
    public record Result(String model, long frames, Sample baseline, Sample end, List<Sample> samples, BenchResult run) {
        /** RSS growth from the baseline to the end, percent. */
        public double rssGrowthPercent() {
            return baseline.rssKb() > 0 ? 100.0 * (end.rssKb() - baseline.rssKb()) / baseline.rssKb() : Double.NaN;
        }

        /** Growth of RSS minus the committed heap, percent of the baseline RSS: the native share of the growth. */
        public double nonHeapGrowthPercent() {
            return baseline.rssKb() > 0 ? 100.0 * (end.nonHeapKb() - baseline.nonHeapKb()) / baseline.rssKb() : Double.NaN;
        }
    }

    /** Runs {@code frames} frames in all (the input is looped as often as needed); samples every {@code every} frames. */
    public static Result measure(Path modelFile, BenchConfig config, long frames, int every) {
        return measure(modelFile, config, frames, every, false);
    }

    /** As above, optionally rendering every frame offscreen too (GL objects leak per frame where a renderer forgets one). */
    public static Result measure(Path modelFile, BenchConfig config, long frames, int every, boolean render) {
        if (frames <= config.warmup()) throw new IllegalArgumentException("--memory needs more frames than the warm-up (" + config.warmup() + ")");
        List<Sample> samples = new ArrayList<>();
        Sample[] baseline = new Sample[1];
        BenchConfig c = config.withMaxFrames(frames).withLoops(Integer.MAX_VALUE);
        BenchResult run = PipelineBench.run(modelFile, c, render, done -> {
            if (done == config.warmup() || done % every == 0 || done == frames) {
                Sample s = sample(done, done == config.warmup() || done == frames);
                if (done == config.warmup()) baseline[0] = s;
                if (samples.isEmpty() || samples.get(samples.size() - 1).frame() != done) samples.add(s);
            }
        });
        if (baseline[0] == null) baseline[0] = samples.get(0);
        return new Result(modelFile.getFileName().toString(), frames, baseline[0], samples.get(samples.size() - 1), samples, run);
    }

    static Sample sample(long frame, boolean collect) {
        if (collect) {
            System.gc();
            try { Thread.sleep(200); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } // let JavaCPP's deallocator thread run
        }
        Runtime rt = Runtime.getRuntime();
        return new Sample(frame, ResidentMemory.rssKb(), (rt.totalMemory() - rt.freeMemory()) / 1024, rt.totalMemory() / 1024,
                Pointer.totalBytes() / 1024);
    }
}
