package dev.facemark.tracker.cli;

import dev.facemark.tracker.Models;
import dev.facemark.tracker.TrackerMain;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An endless live run stopped by a signal (what Ctrl-C does) still finalises its recording: a
 * child JVM records the headless demo until SIGTERM, and the file then decodes.
 */
class LiveInterruptTest {
    @Test
    void signalledLiveRunLeavesAPlayableRecording(@TempDir Path tmp) throws Exception {
        Path model = Models.fixture(tmp), mp4 = tmp.resolve("rec.mp4");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrackerMain.class.getName(),
                "live", "--headless", "--demo", "--seed", "2", "--model", model.toString(), "--record", mp4.toString());
        Path logFile = tmp.resolve("child.log");
        pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
        Process p = pb.start();
        // the progress bar (stderr, redrawn with '\r') counts frames: signal once it passed 30
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && !pastFrame(Files.readString(logFile), 30)) Thread.sleep(100);
        assertTrue(p.isAlive(), "still running before the signal: " + Files.readString(logFile));
        p.destroy(); // SIGTERM: runs the shutdown hooks, as Ctrl-C's SIGINT does
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ends after the signal");
        String log = Files.readString(logFile);
        assertTrue(log.contains("frames, face in"), "the run ended through its normal path: " + log);
        List<Mat> frames = RenderedOutputTest.decode(mp4, 10_000);
        try {
            assertTrue(frames.size() >= 30, "recorded frames: " + frames.size() + "\n" + log);
            assertEquals(640, frames.get(0).cols());
        } finally {
            frames.forEach(Mat::close);
        }
    }

    /** Whether the progress output reports more than {@code n} frames. */
    static boolean pastFrame(String log, int n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) frames").matcher(log);
        int last = 0;
        while (m.find()) last = Integer.parseInt(m.group(1));
        return last > n;
    }
}
