package dev.facemark.tracker.cli;

import dev.facemark.tracker.bench.BenchChart;
import dev.facemark.tracker.bench.BenchConfig;
import dev.facemark.tracker.bench.BenchReport;
import dev.facemark.tracker.bench.InferenceProbe;
import dev.facemark.tracker.bench.MemoryProbe;
import dev.facemark.tracker.bench.PipelineBench;

import dev.facemark.core.geom.PixelSize;
import dev.facemark.core.model.ContractException;
import dev.facemark.core.runtime.Device;
import dev.facemark.tracker.app.PackagedModels;
import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.render.GlUnavailableException;
import dev.facemark.tracker.render.Layer;
import dev.facemark.tracker.source.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tracker bench}: the headless pipeline over a video, timed per stage, for one or several
 * models, with and without offscreen rendering; or, with {@code --memory N}, the leak check.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the tracking pipeline headless on a video: per-stage p50/p90/p99/max latency, end-to-end latency "
                + "and frames/s, per model (side by side), optionally with offscreen rendering; landmark inference per face on "
                + "1 thread; or, with --memory N, resident memory growth over N frames.",
                "Numbers depend on the machine's load: the JSON records the load average with them."})
public final class BenchCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "VIDEO", description = "video file to play (e.g. webcam_talking.mp4)")
    Path input;

    @Option(names = "--model", paramLabel = "M.onnx", description = "landmark model; repeat to compare models (default: models/fast.onnx, else the one packaged in the jar)")
    List<Path> models = new ArrayList<>();

    @Mixin InferenceOptions inference = new InferenceOptions();

    @Option(names = "--sync-detection", description = "periodic face detection in line on the pipeline thread (default: in the background while every face is tracked, as the tracker runs)")
    boolean syncDetection;

    @Option(names = "--json", paramLabel = "FILE", description = "write the results as JSON (and a PNG chart next to it unless --chart is given)")
    Path json;

    @Option(names = "--chart", paramLabel = "FILE", description = "PNG chart: per-stage latency bars and per-frame timeline")
    Path chart;

    @Option(names = "--render", description = "also run each model with offscreen rendering (1280x720 by default) and read-back")
    boolean render;

    @Option(names = "--layers", paramLabel = "LIST",
            description = "with --render: layers to draw, e.g. all or video,points,heatmaps (default: the live view's)")
    String layers;

    @Option(names = "--filter", paramLabel = "LIST", description = "with --render: face filters to draw too, e.g. mesh,blur (as tracker live --filter)")
    String filters;

    @Option(names = "--render-size", paramLabel = "WxH", defaultValue = "1280x720", description = "offscreen target size (default ${DEFAULT-VALUE})")
    String renderSize;

    @Option(names = "--loop", paramLabel = "K", defaultValue = "1", description = "play the video K times (default ${DEFAULT-VALUE})")
    int loops;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100", description = "frames run first and not measured (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0", description = "stop after N frames including warm-up (default: end of the loops)")
    long frames;

    @Option(names = "--per-face-runs", paramLabel = "N", defaultValue = "500", description = "inferences timed per model for the 1-thread per-face number (0 = skip; default ${DEFAULT-VALUE})")
    int perFaceRuns;

    @Option(names = "--memory", paramLabel = "FRAMES", description = {"leak check instead: run FRAMES frames (e.g. 20000, looping the video, with --render rendering too) "
            + "and report resident memory growth from the end of the warm-up (both samples after a full GC).",
            "Run the JVM with a fixed heap (-Xms = -Xmx, -XX:+AlwaysPreTouch) so heap sizing does not show as growth."})
    Long memoryFrames;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        try {
            BenchReport report = run(err);
            out.print(report.table());
            out.flush();
            Path png = chart != null ? chart : json != null ? siblingPng(json) : null;
            if (json != null) {
                report.writeJson(json);
                out.println("wrote " + json);
            }
            if (png != null && !report.runs().isEmpty() && report.memory() == null) {
                BenchChart.write(png, report.runs());
                out.println("wrote " + png);
            }
            return 0;
        } catch (SourceException | ContractException | IllegalArgumentException | UncheckedIOException | UserError e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private BenchReport run(PrintWriter err) {
        Device dev = inference.device();
        String detector = inference.detector();
        int threads = inference.threads();
        PixelSize size = PixelSizeOption.parse("--render-size", renderSize);
        if (filters != null && !render) throw new IllegalArgumentException("--filter draws filters in the render pass: add --render");
        if (models.isEmpty()) models.add(defaultModel());
        // Parsed here, so a bad name fails in one line before any work.
        BenchConfig c = new BenchConfig(input, detector, threads, dev, warmup, loops, frames, size.width(), size.height(), syncDetection,
                layers == null ? null : Layer.parseList(layers), filters);
        BenchReport report = new BenchReport(input.toString());
        if (memoryFrames != null) {
            report.memory(MemoryProbe.measure(models.get(0), c, memoryFrames, (int) Math.max(1, Math.min(1000, memoryFrames / 20)), render));
            return report;
        }
        boolean gl = render;
        for (Path m : models) {
            report.add(PipelineBench.run(m, c, false));
            if (gl) {
                try {
                    report.add(PipelineBench.run(m, c, true));
                } catch (GlUnavailableException e) {
                    gl = false;
                    err.println("warning: rendering skipped: " + e.getMessage());
                    report.note("rendering skipped: " + e.getMessage());
                }
            }
            if (perFaceRuns > 0) report.add(InferenceProbe.measure(m, input, detector, dev, Math.min(100, perFaceRuns), perFaceRuns));
        }
        return report;
    }

    /** models/fast.onnx in the working directory, else the one packaged in the jar (copied to a temp file). */
    static Path defaultModel() {
        Path local = Path.of(PackagedModels.DEFAULT);
        if (java.nio.file.Files.isRegularFile(local)) return local;
        try (java.io.InputStream in = BenchCommand.class.getClassLoader().getResourceAsStream(PackagedModels.DEFAULT)) {
            if (in == null) return local; // opening it says: does not exist, pass --model
            Path tmp = java.nio.file.Files.createTempFile("facemark-bench-", "-fast.onnx");
            tmp.toFile().deleteOnExit();
            java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot read the packaged " + PackagedModels.DEFAULT, e);
        }
    }

    static Path siblingPng(Path json) {
        String name = json.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return json.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
    }

    /** Runs the command on its own (before it is registered in TrackerMain): {@code java ... BenchCommand --input ...}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
