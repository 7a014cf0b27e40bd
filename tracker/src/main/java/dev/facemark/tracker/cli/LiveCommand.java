package dev.facemark.tracker.cli;

import dev.facemark.tracker.output.AnnotatedVideoWriter;
import dev.facemark.tracker.output.FrameSink;
import dev.facemark.tracker.output.VideoSink;
import dev.facemark.tracker.output.WindowSink;
import dev.facemark.tracker.source.CameraList;
import dev.facemark.tracker.source.CameraSource;
import dev.facemark.tracker.source.DemoSource;
import dev.facemark.tracker.source.FrameSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Track the camera live; without a camera, the built-in demo (an animated public-domain portrait).")
final class LiveCommand implements Callable<Integer> {
    @Option(names = "--camera", paramLabel = "N|/dev/videoN", description = "camera device (default: the first one found)")
    String camera;

    @Option(names = "--demo", description = "use the demo even when a camera is present")
    boolean demo;

    @Option(names = "--size", paramLabel = "WxH", description = "camera frame size, e.g. 640x480")
    String size;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "30", description = "camera / demo frame rate (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0", description = "stop after N frames (0 = until the window closes or Ctrl-C)")
    long frames;

    @Option(names = "--headless", description = "no window even when a display is available")
    boolean headless;

    @Spec CommandSpec spec;
    @Mixin OutputOptions out = new OutputOptions();
    @Mixin ModelOptions model = new ModelOptions();

    @Override
    public Integer call() {
        int w = 0, h = 0;
        if (size != null) {
            String[] p = size.toLowerCase().split("x");
            try {
                w = Integer.parseInt(p[0]);
                h = Integer.parseInt(p[1]);
            } catch (RuntimeException e) {
                throw new UserError("--size must look like 640x480, got '" + size + "'");
            }
        }
        boolean haveCamera = camera != null || !CameraList.scan().isEmpty();
        boolean display = !headless && WindowSink.displayAvailable();
        FrameSource src;
        if (!demo && haveCamera) {
            src = new CameraSource(camera != null ? camera : CameraList.scan().get(0).path(), w, h, fps);
        } else {
            if (!demo) spec.commandLine().getErr().println("tracker: no camera (" + CameraList.describe() + "): running the built-in demo"
                    + (display ? "" : " headless (no display)"));
            else if (!display) spec.commandLine().getErr().println("tracker: no display: running the demo headless");
            src = new DemoSource(System.nanoTime(), fps, frames, display);
        }
        try (src) {
            AnnotatedVideoWriter video = out.output == null ? null : new AnnotatedVideoWriter(out.output, fps);
            WindowSink window = display ? WindowSink.open("facemark - " + src.name()) : null;
            if (!headless && display && window == null) spec.commandLine().getErr().println("tracker: cannot open a window: running headless");
            List<FrameSink> sinks = new ArrayList<>();
            if (video != null) sinks.add(new VideoSink(video));
            if (window != null) sinks.add(window);
            Session.run(src, model, out, model.trackerParams(), window == null, frames, false,
                    m -> sinks.isEmpty() ? null : new Tee(sinks), spec.commandLine().getErr());
        }
        return 0;
    }

    /** Several sinks as one; closes all, window last. */
    private record Tee(List<FrameSink> sinks) implements FrameSink {
        @Override public void accept(org.bytedeco.opencv.opencv_core.Mat bgr, dev.facemark.tracker.face.FrameResult r) {
            for (FrameSink s : sinks) s.accept(bgr, r);
        }
        @Override public void close() {
            RuntimeException first = null;
            for (FrameSink s : sinks) {
                try { s.close(); } catch (RuntimeException e) { if (first == null) first = e; }
            }
            if (first != null) throw first;
        }
    }
}
