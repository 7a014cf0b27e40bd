package dev.facemark.tracker.bench;

import java.util.Map;

/**
 * One measured pipeline run (one model, with or without rendering), warm-up excluded.
 *
 * @param model        model file name
 * @param render       whether each frame was also rendered offscreen and read back
 * @param device       where inference actually ran (after any CUDA fallback)
 * @param threads      ONNX Runtime intra-op threads asked for (0 = its default)
 * @param frames       measured frames
 * @param seconds      wall time of the measured frames
 * @param stages       per-stage latency, pipeline order, keyed by {@link BenchStages#key}
 * @param e2e          frame grabbed -> result out (and rendered, when rendering)
 * @param timelineMs   e2e latency of every measured frame, in order
 * @param detectionRuns measured frames on which the detector ran
 * @param refinements  faces answered a second time in their frame from a centred crop (tracker's {@code --refine})
 * @param framesWithFace measured frames with at least one face
 * @param e2eCpu       CPU time of the pipeline thread per frame: the frame's latency without the waits a
 *                     loaded machine adds (helper threads such as OpenCV's or llvmpipe's are not in it)
 * @param cpuSeconds   CPU time of the whole process (all threads) over the measured frames: on a shared
 *                     machine wall time depends on the neighbours' load, CPU time much less so
 */
public record BenchResult(String model, boolean render, String device, int threads, long frames, double seconds,
                          Map<String, LatencyStats> stages, LatencyStats e2e, LatencyStats e2eCpu, float[] timelineMs,
                          long detectionRuns, long refinements, long framesWithFace, double cpuSeconds) {

    public double fps() { return seconds > 0 ? frames / seconds : 0; }

    /** Process CPU time per measured frame, ms. */
    public double cpuMsPerFrame() { return frames > 0 ? 1000 * cpuSeconds / frames : 0; }

    /**
     * Frames per second the pipeline would reach if it had one idle core to itself: 1000 / CPU ms per
     * frame. An estimate for a loaded machine (the pipeline runs on one thread; helper threads' CPU is
     * counted too, so it errs low).
     */
    public double cpuBoundFps() { return cpuSeconds > 0 ? frames / cpuSeconds : 0; }

    /** "fast.onnx" or "fast.onnx +render": the run's name in tables and charts. */
    public String label() { return render ? model + " +render" : model; }
}
