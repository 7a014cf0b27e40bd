package dev.facemark.tracker.cli;

import dev.facemark.core.geom.PixelSize;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.tracker.app.GracefulStop;
import dev.facemark.tracker.app.LiveWindowView;
import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.filter.FilterStack;
import dev.facemark.tracker.output.AnnotatedVideoWriter;
import dev.facemark.tracker.output.FrameSink;
import dev.facemark.tracker.output.ScreenshotSink;
import dev.facemark.tracker.output.VideoSink;
import dev.facemark.tracker.render.GlUnavailableException;
import dev.facemark.tracker.render.HudInfo;
import dev.facemark.tracker.render.LiveWindow;
import dev.facemark.tracker.source.CameraList;
import dev.facemark.tracker.source.DemoSource;
import dev.facemark.tracker.source.FrameSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code tracker live}: an OpenGL window ({@link LiveWindow}) when a display is available, else
 * headless; headless runs render only for {@code --record} and {@code --screenshot}, through the
 * same headless painter the video command uses. The keys and filters are listed in {@code --help}
 * (footer set in {@link TrackerCommand}).
 */
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

    @Option(names = "--frames", paramLabel = "N", description = "stop after N frames (0 = until the window closes or Ctrl-C; default: 0,"
            + " except for the demo without a window, which plays " + DEMO_FRAMES + " frames and writes a clip and a screenshot to --demo-out)")
    Long frames;

    @Option(names = "--demo-out", paramLabel = "DIR", defaultValue = "facemark-demo",
            description = "where the bounded headless demo writes annotated.mp4 and last-frame.png (default: ${DEFAULT-VALUE})")
    Path demoOut;

    /** The bounded headless demo: ten seconds at 30 frames/s, enough to see tracking and smoothing at work. */
    static final long DEMO_FRAMES = 300;

    @Option(names = "--headless", description = "no window even when a display is available")
    boolean headless;

    @Option(names = "--record", paramLabel = "OUT.mp4", description = "record the rendered view from the start (in the window, R stops and starts recording)")
    Path record;

    @Option(names = "--screenshot", paramLabel = "OUT.png", description = "write the last rendered view as a PNG when the run ends (headless: needs --frames N)")
    Path screenshot;

    @Option(names = "--screenshot-width", paramLabel = "W", defaultValue = "0",
            description = "headless: scale the screenshot to W pixels wide (default: the frame's width)")
    int screenshotWidth;

    @Option(names = "--seed", paramLabel = "S", description = "demo motion seed (default: a new one each run)")
    Long seed;

    @Spec CommandSpec spec;
    @Mixin OutputOptions out = new OutputOptions();
    @Mixin ModelOptions model = new ModelOptions();
    @Mixin DrawOptions draw = new DrawOptions();
    @Mixin StreamOptions stream = new StreamOptions();

    @Override
    public Integer call() {
        int[] wh = frameSize();
        draw.validate();
        if (record != null && out.output != null) throw new UserError("--output and --record are the same thing for live; give one");
        Path recordTo = record != null ? record : out.output;
        if (screenshot != null) ScreenshotSink.check(screenshot);
        if (screenshotWidth < 0) throw new UserError("--screenshot-width must be > 0, got " + screenshotWidth);
        if (draw.cpuDraw && !headless && Display.available()) {
            throw new UserError("--cpu-draw is for headless runs (the window draws with OpenGL); add --headless");
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean display = !headless && Display.available();
        if (!display && screenshot != null && (frames == null || frames <= 0)) {
            throw new UserError("--screenshot without a window needs --frames N (the PNG shows frame N)");
        }
        boolean haveCamera = camera != null || !CameraList.scan().isEmpty();
        boolean useDemo = demo || !haveCamera;
        // A newcomer on a machine without camera or display gets a result to look at, not an endless counter.
        boolean boundedDemo = useDemo && !display && frames == null && recordTo == null && screenshot == null;
        Path shot = boundedDemo ? demoOut.resolve("last-frame.png") : screenshot;
        if (boundedDemo) {
            recordTo = demoOut.resolve("annotated.mp4");
            try {
                Files.createDirectories(demoOut);
            } catch (IOException | RuntimeException e) {
                throw new UserError("cannot create --demo-out " + demoOut + ": " + e.getMessage() + "; give a writable folder");
            }
        }
        long maxFrames = boundedDemo ? DEMO_FRAMES : frames == null ? 0 : frames;
        if (useDemo && !demo) err.println("tracker: no camera (" + CameraList.describe() + "): running the built-in demo");
        // Ctrl-C stops the loop and waits for the outputs to close, so a recording stays playable.
        try (GracefulStop stop = new GracefulStop();
             // A camera that vanishes is retried (--reconnect) and ends the run with its own exit code.
             FrameSource src = useDemo ? new DemoSource(seed != null ? seed : System.nanoTime(), fps, maxFrames, display)
                     : stream.open(camera != null ? camera : CameraList.scan().get(0).path(), wh[0], wh[1], fps, err, stop::requested)) {
            if (!display) {
                err.println("tracker: " + (headless ? "--headless" : "no display (DISPLAY and WAYLAND_DISPLAY are unset)") + ": running headless"
                        + (boundedDemo ? ", " + DEMO_FRAMES + " demo frames drawn into " + demoOut
                        : recordTo == null && screenshot == null ? ", nothing drawn (--record or --screenshot render the view)" : ""));
            }
            AnnotatedVideoWriter video = recordTo == null ? null : new AnnotatedVideoWriter(recordTo, fps);
            boolean tryWindow = display;
            Session.run(src, model.setup().withParams(p -> p.withHeatmaps(display || draw.heatmapsShown())), out, RunMode.frames(!display, maxFrames),
                    (m, hud) -> guarded(stop, tryWindow ? windowOrHeadless(src, m, hud, video, shot, err) : headless(src, m, hud, video, shot, err)), err);
        }
        if (boundedDemo) {
            err.println("tracker: demo done: look at " + recordTo + " and " + shot
                    + " (--frames 0 plays the demo until Ctrl-C; a desktop gets the live window, a camera runs live)");
        }
        return 0;
    }

    private static Annotation guarded(GracefulStop stop, Annotation a) {
        return new Annotation(a.painter(), a.sinks(), stop.wrap(a.gate()));
    }

    /** {@code --size} as {width, height}; {0, 0} when not given (the source's own size). */
    private int[] frameSize() {
        if (size == null) return new int[] {0, 0};
        PixelSize wh = PixelSizeOption.parse("--size", size);
        return new int[] {wh.width(), wh.height()};
    }

    /** The window; when GLFW cannot make one after all, headless with one line saying so. */
    private Annotation windowOrHeadless(FrameSource src, LandmarkModel m, Supplier<HudInfo> hud, AnnotatedVideoWriter video, Path screenshot,
                                        PrintWriter err) {
        int[] wh = frameSize();
        int w = wh[0] > 0 ? wh[0] : src instanceof DemoSource ? DemoSource.WIDTH : 1280;
        int h = wh[1] > 0 ? wh[1] : src instanceof DemoSource ? DemoSource.HEIGHT : 720;
        LiveWindow window;
        try {
            window = new LiveWindow("facemark - " + src.name(), w, h, true, draw.renderOptions(m.contract().scheme()), Path.of("").toAbsolutePath());
        } catch (GlUnavailableException e) {
            err.println("tracker: cannot open a window, running headless (" + e.getMessage() + ")");
            return headless(src, m, hud, video, screenshot, err);
        }
        LiveWindowView view;
        try {
            window.setEffects(FilterStack.of(String.join(",", draw.filters())));
            draw.warnIfNoHeatmaps(m.contract(), err);
            view = new LiveWindowView(window, hud, src.fps() > 0 ? src.fps() : fps, Path.of("").toAbsolutePath(), err);
        } catch (RuntimeException e) {
            window.close();
            throw e;
        }
        if (video != null) {
            video.close(); // nothing written yet: the view opens its own writer per recording
            view.recordFromStart(video.path());
        }
        if (screenshot != null) view.screenshotAtEnd(screenshot);
        return new Annotation(view, List.of(), view);
    }

    /** Headless: draw only when something takes the drawn frames (a recording, a screenshot). */
    private Annotation headless(FrameSource src, LandmarkModel m, Supplier<HudInfo> hud, AnnotatedVideoWriter video, Path screenshot,
                                PrintWriter err) {
        List<FrameSink> sinks = new ArrayList<>();
        if (video != null) sinks.add(new VideoSink(video));
        if (screenshot != null) sinks.add(new ScreenshotSink(screenshot, screenshotWidth));
        if (sinks.isEmpty()) return Annotation.NONE;
        return new Annotation(draw.openPainter(m.contract(), hud, err, src instanceof DemoSource ? DemoSource.HEIGHT : 0), sinks, null);
    }
}
