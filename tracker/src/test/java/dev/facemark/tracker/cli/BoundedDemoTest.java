package dev.facemark.tracker.cli;

import dev.facemark.tracker.CliRun;
import dev.facemark.tracker.Models;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's run command on a machine without camera or display ends by itself and leaves a clip and a
 * screenshot to look at, and says where they are.
 */
class BoundedDemoTest {
    @Test
    void headlessDemoEndsAndLeavesAClipAndAScreenshot(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("demo");
        CliRun r = CliRun.of("live", "--headless", "--demo", "--seed", "3", "--model", Models.fixture(tmp).toString(),
                "--demo-out", out.toString());
        assertEquals(0, r.code(), r.err());
        Path mp4 = out.resolve("annotated.mp4"), png = out.resolve("last-frame.png");
        assertTrue(r.err().contains("demo done: look at " + mp4 + " and " + png), r.err());
        List<Mat> frames = RenderedOutputTest.decode(mp4, 10_000);
        try {
            assertEquals(LiveCommand.DEMO_FRAMES, frames.size(), "every demo frame is in the clip");
        } finally {
            frames.forEach(Mat::close);
        }
        try (Mat shot = imread(png.toString())) {
            assertFalse(shot.empty(), "the screenshot is a readable PNG");
            assertEquals(640, shot.cols());
        }
        assertTrue(Files.size(mp4) > 10_000);
    }

    @Test
    void anExplicitFrameCountOrOutputKeepsTheOldBehaviour(@TempDir Path tmp) {
        CliRun r = CliRun.of("live", "--headless", "--demo", "--seed", "3", "--frames", "5", "--model", Models.fixture(tmp).toString(),
                "--demo-out", tmp.resolve("unused").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("nothing drawn"), r.err());
        assertFalse(Files.exists(tmp.resolve("unused")), "no demo files when the user chose the length");
    }
}
