package dev.facemark.tracker.source;

import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.io.LandmarkWriter;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import dev.facemark.tracker.app.ErrorLine;
import dev.facemark.tracker.app.TrackingRun;
import dev.facemark.tracker.cli.TrackerCommand;
import dev.facemark.tracker.output.AnnotatedVideoWriter;
import dev.facemark.tracker.output.CpuPainter;
import dev.facemark.tracker.output.VideoSink;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.track.FaceTracker;
import dev.facemark.tracker.track.TrackerParams;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A webcam that vanishes mid-run (no camera exists here, so the grabber is a double: the sample
 * video's frames, then the error a v4l2 read gives once the device is gone). The run ends the way a
 * lost stream does: the configured reconnects are tried (the device node is gone, so they fail), the
 * landmark file holds one line per processed frame, the mp4 is finalised, exit code 3.
 */
class CameraLossTest {
    @TempDir Path tmp;

    /** The sample video's first {@code frames} frames, then "No such device" as V4L2 says when unplugged. */
    static final class VanishingCamera extends FrameGrabber {
        private final FFmpegFrameGrabber video = new FFmpegFrameGrabber(TestFiles.video().toFile());
        private final int frames;
        private int delivered;

        VanishingCamera(int frames) { this.frames = frames; }

        @Override public void start() throws Exception { video.start(); }
        @Override public void stop() throws Exception { video.stop(); }
        @Override public void trigger() { }
        @Override public void release() throws Exception { video.release(); }

        @Override
        public Frame grab() throws Exception {
            if (delivered >= frames) throw new Exception("VIDIOC_DQBUF: No such device");
            delivered++;
            return video.grabImage();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCameraThatVanishesEndsCleanlyWithTheLostExitCode() throws Exception {
        String gone = tmp.resolve("video7").toString(); // a device node that is not (any more) there
        Path jsonl = tmp.resolve("cam.jsonl"), mp4 = tmp.resolve("cam.mp4");
        List<String> notices = new ArrayList<>();
        SourceLostException lost = null;
        long processed = 0;
        try (LandmarkModel model = LandmarkModel.open(Models.fixture(tmp), RuntimeOptions.cpu(1));
             HaarCascadeDetector haar = new HaarCascadeDetector();
             FaceTracker tracker = new FaceTracker(model, haar, TrackerParams.DEFAULT, new StageTimer());
             FrameSource src = new PrefetchSource(new ReconnectingSource(new CameraSource(gone, new VanishingCamera(40)),
                     () -> new CameraSource(gone, 640, 480, 30), 2, 100, notices::add, null));
             LandmarkWriter out = LandmarkWriter.open(jsonl, 68);
             VideoSink video = new VideoSink(new AnnotatedVideoWriter(mp4, 25));
             CpuPainter painter = new CpuPainter(model.contract().scheme())) {
            try {
                new TrackingRun(src, tracker, new StageTimer()).landmarks(out).painter(painter).sink(video).run();
            } catch (SourceLostException e) {
                lost = e;
            }
            processed = video.writer().frames();
        }
        assertNotNull(lost, "the camera's loss ends the run");
        assertEquals(TrackerCommand.EXIT_SOURCE_LOST, TrackerCommand.exitCode(lost));
        String line = ErrorLine.of(lost);
        assertFalse(line.contains("\n") || line.contains("Exception") || line.contains("VIDIOC"), line);
        assertTrue(line.startsWith(gone + " lost after 40 frames (stopped delivering frames (unplugged?))"), line);
        assertTrue(line.contains("not back after 2 reconnect attempts (last: no camera at " + gone + ")"), line);
        assertEquals(2, lost.attempts());
        assertEquals(40, lost.frames());
        assertEquals(3, notices.size(), "the loss, then each failed attempt: " + notices);
        assertTrue(notices.get(2).startsWith("reconnect attempt 2 of 2 to " + gone + " failed: no camera at"), notices.get(2));
        assertEquals(40, processed);
        assertEquals(40, StreamReconnectTest.rowsInOrder(jsonl).size(), "one landmark line per processed frame");
        assertEquals(40, StreamReconnectTest.framesIn(mp4), "the mp4 is finalised and holds every processed frame");
    }

    @Test
    void withoutReconnectsTheCameraItselfReportsTheLoss() {
        try (CameraSource cam = new CameraSource("/dev/video9", new VanishingCamera(3))) {
            for (int i = 0; i < 3; i++) assertEquals(i, cam.next().index());
            SourceLostException e = assertThrows(SourceLostException.class, cam::next);
            assertEquals(TrackerCommand.EXIT_SOURCE_LOST, TrackerCommand.exitCode(e));
            assertEquals("camera /dev/video9 stopped delivering frames (unplugged?) after 3 frames", e.getMessage());
        }
    }
}
