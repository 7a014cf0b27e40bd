package dev.facemark.tracker.app;

import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.output.AnnotatedVideoWriter;
import dev.facemark.tracker.output.FramePainter;
import dev.facemark.tracker.render.HudInfo;
import dev.facemark.tracker.render.KeyAction;
import dev.facemark.tracker.render.LiveWindow;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The live run's window: as the run's painter it shows each tracked frame in the {@link LiveWindow};
 * as its gate it polls the window's keys, holds the loop while paused (redrawing the last frame, so
 * layer keys still act) and ends it when the window closes or Q is pressed. Recording (R, or
 * {@code --record} from the start) reads the rendered view back and encodes it; each recording is
 * its own file. All calls on the thread that created the window.
 */
public final class LiveWindowView implements FramePainter, FrameGate {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final LiveWindow window;
    private final Supplier<HudInfo> hud;
    private final double fps;
    private final Path folder;
    private final PrintWriter log;
    private final Mat readBack = new Mat();
    private Path nextRecording;
    private Path screenshotAtEnd;
    private AnnotatedVideoWriter recording;
    private FrameResult last;

    /**
     * @param folder where R-key recordings go (S-key screenshots go to the window's own folder)
     * @param fps    frame rate written into recordings
     */
    public LiveWindowView(LiveWindow window, Supplier<HudInfo> hud, double fps, Path folder, PrintWriter log) {
        this.window = window;
        this.hud = hud;
        this.fps = fps;
        this.folder = folder;
        this.log = log;
    }

    /** Records from the first frame into {@code file} (the window's R key stops it). */
    public LiveWindowView recordFromStart(Path file) {
        nextRecording = file;
        if (!window.controls().isRecording()) window.controls().apply(KeyAction.RECORD);
        return this;
    }

    /** Writes the last rendered view to {@code file} when the run ends. */
    public LiveWindowView screenshotAtEnd(Path file) {
        screenshotAtEnd = file;
        return this;
    }

    public LiveWindow window() { return window; }

    @Override
    public Step poll() {
        window.pollEvents();
        if (window.shouldClose()) return Step.STOP;
        syncRecording();
        if (window.controls().shouldAdvance()) return Step.ADVANCE;
        window.redraw(last, hud.get());
        sleepQuietly(); // vsync paces the redraw too; this keeps a paused loop cheap without it
        return Step.WAIT;
    }

    @Override
    public void paint(Mat bgr, FrameResult result) {
        last = result;
        window.show(bgr, result, hud.get());
        if (recording != null) {
            window.renderer().readBgr(readBack);
            recording.write(readBack);
        }
    }

    private void syncRecording() {
        boolean wanted = window.controls().isRecording();
        if (wanted && recording == null) {
            Path file = nextRecording != null ? nextRecording : folder.resolve("facemark-" + LocalDateTime.now().format(STAMP) + ".mp4");
            nextRecording = null;
            recording = new AnnotatedVideoWriter(file, fps);
            log.println("tracker: recording the live view to " + file);
        } else if (!wanted && recording != null) {
            stopRecording();
        }
    }

    private void stopRecording() {
        AnnotatedVideoWriter r = recording;
        recording = null;
        r.close();
        log.println("tracker: recorded " + r.frames() + " frames to " + r.path() + (r.codec() == null ? "" : " (" + r.codec() + ")"));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            if (recording != null) stopRecording();
            if (screenshotAtEnd != null && last != null) {
                window.renderer().writePng(screenshotAtEnd);
                log.println("tracker: screenshot " + screenshotAtEnd);
            }
        } finally {
            readBack.close();
            window.close();
        }
    }
}
