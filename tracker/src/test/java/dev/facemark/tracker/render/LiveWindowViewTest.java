package dev.facemark.tracker.render;

import dev.facemark.tracker.app.FrameGate;
import dev.facemark.tracker.app.LiveWindowView;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.facemark.tracker.render.GlTestSupport.*;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The live command's window view on an invisible headless window (the package-private
 * constructor; no display needed): keys pause, step, stop recording and quit through the gate;
 * recordings hold exactly the frames shown while recording; the screenshot is the last view.
 */
class LiveWindowViewTest {
    @Test
    void keysDriveTheGateAndRecordingsHoldTheShownFrames(@TempDir Path dir) throws Exception {
        GlContext ctx;
        try {
            ctx = GlContext.headless(320, 240);
        } catch (GlUnavailableException e) {
            throw new AssertionError("headless OpenGL is required: " + e.getMessage(), e);
        }
        Path rec = dir.resolve("rec.mp4"), png = dir.resolve("end.png");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LiveWindow win = new LiveWindow(ctx, new RenderOptions(), dir);
        try (LiveWindowView view = new LiveWindowView(win, HudInfo::empty, 30, dir, new PrintWriter(log, true))
                     .recordFromStart(rec).screenshotAtEnd(png);
             Mat frame = new Mat(240, 320, CV_8UC3, new Scalar(0, 0, 200, 0))) {
            LiveControls keys = win.controls();
            for (int i = 0; i < 3; i++) {
                assertEquals(FrameGate.Step.ADVANCE, view.poll());
                view.paint(frame, result(320, 240));
            }
            keys.apply(KeyAction.PAUSE);
            assertEquals(FrameGate.Step.WAIT, view.poll(), "paused");
            assertEquals(FrameGate.Step.WAIT, view.poll());
            keys.apply(KeyAction.STEP);
            assertEquals(FrameGate.Step.ADVANCE, view.poll(), "one step");
            view.paint(frame, result(320, 240));
            assertEquals(FrameGate.Step.WAIT, view.poll(), "paused again after the step");
            keys.apply(KeyAction.RECORD);
            assertEquals(FrameGate.Step.WAIT, view.poll(), "recording stopped");
            keys.apply(KeyAction.QUIT);
            assertEquals(FrameGate.Step.STOP, view.poll());
        }
        assertTrue(log.toString().contains("recorded 4 frames"), log.toString());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(rec.toFile())) {
            g.start();
            int n = 0;
            while (g.grabImage() != null) n++;
            assertEquals(4, n, "frames shown while recording; paused redraws are not recorded");
            assertEquals(320, g.getImageWidth());
            g.stop();
        }
        assertTrue(Files.exists(png));
        Png shot = readPng(png);
        try {
            assertEquals(320, shot.width());
            int[] px = bgrAt(shot.bgr(), 320, 300, 200);
            assertTrue(px[2] > 180 && px[0] < 30, "the red video frame in the screenshot: " + java.util.Arrays.toString(px));
        } finally {
            MemoryUtil.memFree(shot.bgr());
        }
    }
}
