package dev.facemark.tracker.cli;

import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import dev.facemark.tracker.TrackerMain;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Without OpenGL the video command still writes its annotated video, drawn on the CPU, and says so
 * in one line. Runs the tracker in a child JVM whose EGL finds no driver (glvnd is pointed at a
 * vendor file that does not exist), since GLFW in this JVM is already up for the other tests.
 */
class GlFallbackTest {
    @Test
    void noOpenGlMeansCpuDrawingAndOneLineSayingWhy(@TempDir Path tmp) throws Exception {
        Path model = Models.fixture(tmp), mp4 = tmp.resolve("cpu.mp4");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrackerMain.class.getName(),
                "video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--frames", "10",
                "--output", mp4.toString(), "--filter", "blur", "--no-progress");
        pb.environment().put("__EGL_VENDOR_LIBRARY_FILENAMES", tmp.resolve("no-such-vendor.json").toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String log = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        List<String> gl = log.lines().filter(l -> l.contains("OpenGL")).toList();
        assertEquals(1, gl.size(), log);
        assertTrue(gl.get(0).startsWith("tracker: OpenGL unavailable, drawing on the CPU (--filter skipped): "), gl.get(0));
        List<Mat> frames = RenderedOutputTest.decode(mp4, 20);
        try {
            assertEquals(10, frames.size(), "the video was still written: " + log);
        } finally {
            frames.forEach(Mat::close);
        }
    }
}
