package dev.facemark.tracker.bench;

import dev.facemark.core.runtime.Device;

import dev.facemark.tracker.render.Layer;

import java.nio.file.Path;
import java.util.Set;

/**
 * What one bench run does.
 *
 * @param input        a video file (looped {@code loops} times) or any other source {@code Sources} opens
 * @param detector     "haar" or "yunet:PATH"
 * @param threads      ONNX Runtime intra-op threads (0 = its default)
 * @param device       cpu or cuda
 * @param warmup       frames processed first and discarded (JIT, ORT arenas, first detections)
 * @param loops        times the video is played; frame numbers and times keep counting across loops
 * @param maxFrames    stop after this many frames in all, warm-up included (0 = when the loops end)
 * @param renderWidth  offscreen target width when rendering
 * @param renderHeight offscreen target height when rendering
 * @param syncDetection periodic face detection in line on the pipeline thread instead of in the background
 * @param layers       render layers, or null for the renderer's defaults
 * @param filters      face filters drawn when rendering (a comma list as {@code --filter} takes), or null for none
 */
public record BenchConfig(Path input, String detector, int threads, Device device, int warmup, int loops, long maxFrames,
                          int renderWidth, int renderHeight, boolean syncDetection, Set<Layer> layers, String filters) {

    public BenchConfig {
        if (threads < 0) throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
        if (warmup < 0) throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        if (loops < 1) throw new IllegalArgumentException("--loop must be >= 1, got " + loops);
        if (maxFrames < 0) throw new IllegalArgumentException("--frames must be >= 0, got " + maxFrames);
        if (renderWidth < 16 || renderHeight < 16) throw new IllegalArgumentException("render size must be at least 16x16");
        if (detector == null) detector = "haar";
        if (device == null) device = Device.CPU;
    }

    public static BenchConfig of(Path input) {
        return new BenchConfig(input, "haar", 1, Device.CPU, 100, 1, 0, 1280, 720, false, null, null);
    }

    public BenchConfig withWarmup(int n) { return new BenchConfig(input, detector, threads, device, n, loops, maxFrames, renderWidth, renderHeight, syncDetection, layers, filters); }
    public BenchConfig withLoops(int n) { return new BenchConfig(input, detector, threads, device, warmup, n, maxFrames, renderWidth, renderHeight, syncDetection, layers, filters); }
    public BenchConfig withMaxFrames(long n) { return new BenchConfig(input, detector, threads, device, warmup, loops, n, renderWidth, renderHeight, syncDetection, layers, filters); }
    public BenchConfig withSyncDetection(boolean sync) { return new BenchConfig(input, detector, threads, device, warmup, loops, maxFrames, renderWidth, renderHeight, sync, layers, filters); }
    public BenchConfig withFilters(String f) { return new BenchConfig(input, detector, threads, device, warmup, loops, maxFrames, renderWidth, renderHeight, syncDetection, layers, f); }
    public BenchConfig withThreads(int n) { return new BenchConfig(input, detector, n, device, warmup, loops, maxFrames, renderWidth, renderHeight, syncDetection, layers, filters); }
}
