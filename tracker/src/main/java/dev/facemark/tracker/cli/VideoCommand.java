package dev.facemark.tracker.cli;

import dev.facemark.tracker.app.GracefulStop;
import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.output.AnnotatedVideoWriter;
import dev.facemark.tracker.output.VideoSink;
import dev.facemark.tracker.source.FrameSource;
import dev.facemark.tracker.source.PrefetchSource;
import dev.facemark.tracker.source.StreamUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "video", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Track faces through a video file, a network stream or a camera.")
final class VideoCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "IN",
            description = "a video file FFmpeg reads, a stream URL (rtsp://, http(s)://, tcp://, udp://, srt://, rtmp://) or a camera (N, /dev/videoN)")
    String input;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0", description = "stop after N frames (0 = all)")
    long frames;

    @Option(names = "--no-progress", description = "no progress bar on stderr")
    boolean noProgress;

    @Option(names = "--no-prefetch", description = "decode on the tracking thread instead of one frame ahead on its own")
    boolean noPrefetch;

    @Spec CommandSpec spec;
    @Mixin OutputOptions out = new OutputOptions();
    @Mixin ModelOptions model = new ModelOptions();
    @Mixin DrawOptions draw = new DrawOptions();
    @Mixin StreamOptions stream = new StreamOptions();

    @Override
    public Integer call() {
        if (!StreamUrl.isUrl(input) && Files.isDirectory(Path.of(input))) throw new UserError(input + " is a folder: use 'tracker image --input " + input + "'");
        draw.validate();
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl-C stops the loop and waits for the outputs to close, so a recording stays playable.
        try (GracefulStop stop = new GracefulStop(); FrameSource src = prefetched(stream.open(input, 0, 0, 0, err, stop::requested))) {
            AnnotatedVideoWriter video = out.output == null ? null : new AnnotatedVideoWriter(out.output, src.fps());
            // The painter is made on this thread, the one that paints and closes it (it owns a GL context).
            Session.run(src, model.setup().withParams(p -> p.withHeatmaps(video != null && draw.heatmapsShown())), out, RunMode.frames(!noProgress, frames),
                    (m, hud) -> video == null ? new Annotation(null, List.of(), stop.wrap(null))
                            : new Annotation(draw.openPainter(m.contract(), hud, err, src.height()), List.of(new VideoSink(video)), stop.wrap(null)), err);
            if (video != null) spec.commandLine().getErr().println("tracker: annotated video " + video.path() + " (" + video.codec() + ", " + video.frames() + " frames)");
        }
        return 0;
    }

    private FrameSource prefetched(FrameSource s) { return noPrefetch ? s : new PrefetchSource(s); }
}
