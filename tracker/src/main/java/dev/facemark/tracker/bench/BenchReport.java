package dev.facemark.tracker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.facemark.tracker.profile.Stage;
import dev.facemark.tracker.profile.StageTimer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one {@code tracker bench} measured, as JSON and as text tables. The top-level
 * {@code fps}, {@code stages} and {@code e2e} are those of the first run (first model, no
 * rendering); {@code runs} holds every run for side-by-side comparison.
 */
public final class BenchReport {
    private final String input;
    private final List<BenchResult> runs = new ArrayList<>();
    private final List<InferenceProbe.Result> perFace = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private MemoryProbe.Result memory;
    private final double loadAtStart = ResidentMemory.loadAverage();

    public BenchReport(String input) { this.input = input; }

    public BenchReport add(BenchResult r) { runs.add(r); return this; }
    public BenchReport add(InferenceProbe.Result r) { perFace.add(r); return this; }
    public BenchReport memory(MemoryProbe.Result m) { this.memory = m; return this; }
    /** A line worth keeping with the numbers (a skipped render run, a fallback). */
    public BenchReport note(String line) { notes.add(line); return this; }

    public List<BenchResult> runs() { return runs; }
    public MemoryProbe.Result memory() { return memory; }

    /** The JSON document as nested maps (what {@link #writeJson} writes). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("machine", machine(loadAtStart));
        if (!runs.isEmpty()) {
            BenchResult first = runs.get(0);
            m.put("fps", round(first.fps()));
            m.put("cpu_ms_per_frame", round(first.cpuMsPerFrame()));
            m.put("cpu_bound_fps", round(first.cpuBoundFps()));
            m.put("stages", stages(first.stages()));
            m.put("e2e", stats(first.e2e()));
            m.put("e2e_thread_cpu", stats(first.e2eCpu()));
        }
        List<Object> rs = new ArrayList<>();
        for (BenchResult r : runs) rs.add(run(r));
        m.put("runs", rs);
        List<Object> pf = new ArrayList<>();
        for (InferenceProbe.Result r : perFace) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("model", r.model());
            e.put("threads", 1);
            e.put("runs", r.runs());
            e.put("inference", stats(r.inference()));
            e.put("crop", stats(r.crop()));
            e.put("predict_thread_cpu", stats(r.threadCpu()));
            pf.add(e);
        }
        m.put("inference_per_face", pf);
        if (memory != null) m.put("memory", memoryMap(memory));
        if (!notes.isEmpty()) m.put("notes", notes);
        return m;
    }

    public void writeJson(Path file) {
        write(file, toMap());
    }

    /**
     * The profile of a live session in the bench's JSON shape ({@code fps}, {@code stages}, {@code e2e}),
     * for {@code tracker live --profile out.json}: pass the session's timer, frames and wall time.
     */
    public static void writeProfile(Path file, StageTimer timer, long frames, double seconds, String model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("machine", machine(ResidentMemory.loadAverage()));
        m.put("frames", frames);
        m.put("seconds", round(seconds));
        m.put("fps", round(seconds > 0 ? frames / seconds : 0));
        Map<String, LatencyStats> st = new LinkedHashMap<>();
        for (Stage s : BenchStages.perFrame()) st.put(BenchStages.key(s), LatencyStats.ofMicros(timer.histogram(s)));
        m.put("stages", stages(st));
        m.put("e2e", stats(LatencyStats.ofMicros(timer.histogram(Stage.FRAME))));
        write(file, m);
    }

    private static void write(Path file, Map<String, Object> m) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> machine(double load) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("load_1min_at_start", load);
        m.put("load_1min_at_end", ResidentMemory.loadAverage());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    private static Map<String, Object> run(BenchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("render", r.render());
        m.put("device", r.device());
        m.put("threads", r.threads());
        m.put("frames", r.frames());
        m.put("seconds", round(r.seconds()));
        m.put("fps", round(r.fps()));
        m.put("cpu_ms_per_frame", round(r.cpuMsPerFrame()));
        m.put("cpu_bound_fps", round(r.cpuBoundFps()));
        m.put("detection_runs", r.detectionRuns());
        m.put("refinements", r.refinements());
        m.put("frames_with_face", r.framesWithFace());
        m.put("stages", stages(r.stages()));
        m.put("e2e", stats(r.e2e()));
        m.put("e2e_thread_cpu", stats(r.e2eCpu()));
        return m;
    }

    private static Map<String, Object> memoryMap(MemoryProbe.Result mr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", mr.model());
        m.put("render", mr.run().render());
        m.put("frames", mr.frames());
        m.put("rss_growth_percent", round(mr.rssGrowthPercent()));
        m.put("non_heap_growth_percent", round(mr.nonHeapGrowthPercent()));
        m.put("max_heap_kb", Runtime.getRuntime().maxMemory() / 1024);
        m.put("baseline", sample(mr.baseline()));
        m.put("end", sample(mr.end()));
        List<Object> s = new ArrayList<>();
        for (MemoryProbe.Sample x : mr.samples()) s.add(sample(x));
        m.put("samples", s);
        m.put("fps", round(mr.run().fps()));
        return m;
    }

    private static Map<String, Object> sample(MemoryProbe.Sample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frame", s.frame());
        m.put("rss_kb", s.rssKb());
        m.put("heap_used_kb", s.heapUsedKb());
        m.put("heap_committed_kb", s.heapCommittedKb());
        m.put("non_heap_kb", s.nonHeapKb());
        m.put("javacpp_kb", s.javacppKb());
        return m;
    }

    private static Map<String, Object> stages(Map<String, LatencyStats> st) {
        Map<String, Object> m = new LinkedHashMap<>();
        st.forEach((k, v) -> { if (v.count() > 0) m.put(k, stats(v)); });
        return m;
    }

    static Map<String, Object> stats(LatencyStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50_ms", round(s.p50Ms()));
        m.put("p90_ms", round(s.p90Ms()));
        m.put("p99_ms", round(s.p99Ms()));
        m.put("max_ms", round(s.maxMs()));
        m.put("mean_ms", round(s.meanMs()));
        m.put("count", s.count());
        return m;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : v;
    }

    /** The text tables: one block per run, then a side-by-side comparison when there are several runs. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "input %s, %d cores, load %.2f at start, %.2f now%n", input,
                Runtime.getRuntime().availableProcessors(), loadAtStart, ResidentMemory.loadAverage()));
        for (BenchResult r : runs) {
            sb.append(String.format(Locale.ROOT, "%n%s on %s, %d thread(s): %d frames in %.2f s = %.1f frames/s, "
                            + "detector on %d frames, %d faces refined, face in %d%n", r.label(), r.device(), r.threads(), r.frames(),
                    r.seconds(), r.fps(), r.detectionRuns(), r.refinements(), r.framesWithFace()));
            sb.append(String.format(Locale.ROOT, "  process CPU %.3f ms/frame (all threads) = %.0f frames/s per busy core%n",
                    r.cpuMsPerFrame(), r.cpuBoundFps()));
            sb.append(String.format(Locale.ROOT, "  %-14s %8s %9s %9s %9s %9s %9s%n", "stage", "count", "mean ms",
                    "p50 ms", "p90 ms", "p99 ms", "max ms"));
            r.stages().forEach((k, s) -> { if (s.count() > 0) sb.append(row(k, s)); });
            sb.append(row("e2e", r.e2e()));
            sb.append(row("e2e thread CPU", r.e2eCpu()));
        }
        if (runs.size() > 1) {
            sb.append(String.format(Locale.ROOT, "%ncomparison, p50 / p99 ms%n  %-14s", "stage"));
            for (BenchResult r : runs) sb.append(String.format(Locale.ROOT, " %24s", clip(r.label(), 24)));
            sb.append('\n');
            for (String k : runs.get(0).stages().keySet()) {
                if (runs.stream().allMatch(r -> r.stages().get(k).count() == 0)) continue;
                sb.append(String.format(Locale.ROOT, "  %-14s", k));
                for (BenchResult r : runs) sb.append(cell(r.stages().get(k)));
                sb.append('\n');
            }
            sb.append(String.format(Locale.ROOT, "  %-14s", "e2e"));
            for (BenchResult r : runs) sb.append(cell(r.e2e()));
            sb.append(String.format(Locale.ROOT, "%n  %-14s", "e2e thread CPU"));
            for (BenchResult r : runs) sb.append(cell(r.e2eCpu()));
            sb.append(String.format(Locale.ROOT, "%n  %-14s", "frames/s"));
            for (BenchResult r : runs) sb.append(String.format(Locale.ROOT, " %24.1f", r.fps()));
            sb.append(String.format(Locale.ROOT, "%n  %-14s", "CPU ms/frame"));
            for (BenchResult r : runs) sb.append(String.format(Locale.ROOT, " %24.3f", r.cpuMsPerFrame()));
            sb.append('\n');
        }
        if (!perFace.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nlandmark inference per face, 1 thread, batch 1%n  %-24s %6s %9s %9s %9s %12s %14s%n",
                    "model", "runs", "p50 ms", "p99 ms", "max ms", "crop p50 ms", "CPU p50 ms"));
            for (InferenceProbe.Result r : perFace) {
                sb.append(String.format(Locale.ROOT, "  %-24s %6d %9.3f %9.3f %9.3f %12.3f %14.3f%n", clip(r.model(), 24), r.runs(),
                        r.inference().p50Ms(), r.inference().p99Ms(), r.inference().maxMs(), r.crop().p50Ms(), r.threadCpu().p50Ms()));
            }
        }
        if (memory != null) {
            MemoryProbe.Sample b = memory.baseline(), e = memory.end();
            sb.append(String.format(Locale.ROOT, "%nmemory, %s, %d frames (%.1f frames/s): RSS %d kB after warm-up (frame %d) -> %d kB at "
                            + "frame %d = %+.2f%% (both after a full GC)%n  Java heap used %d -> %d kB, committed %d -> %d kB; "
                            + "RSS - committed heap %d -> %d kB (%+.2f%% of RSS); JavaCPP tracked native %d -> %d kB%n",
                    memory.model(), memory.frames(), memory.run().fps(), b.rssKb(), b.frame(), e.rssKb(), e.frame(),
                    memory.rssGrowthPercent(), b.heapUsedKb(), e.heapUsedKb(), b.heapCommittedKb(), e.heapCommittedKb(),
                    b.nonHeapKb(), e.nonHeapKb(), memory.nonHeapGrowthPercent(), b.javacppKb(), e.javacppKb()));
        }
        for (String n : notes) sb.append("note: ").append(n).append('\n');
        return sb.toString();
    }

    private static String row(String name, LatencyStats s) {
        return String.format(Locale.ROOT, "  %-14s %8d %9.3f %9.3f %9.3f %9.3f %9.3f%n", name, s.count(), s.meanMs(),
                s.p50Ms(), s.p90Ms(), s.p99Ms(), s.maxMs());
    }

    private static String cell(LatencyStats s) {
        return s.count() == 0 ? String.format(Locale.ROOT, " %24s", "-")
                : String.format(Locale.ROOT, " %24s", String.format(Locale.ROOT, "%.3f / %.3f", s.p50Ms(), s.p99Ms()));
    }

    private static String clip(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "~"; }
}
