package dev.facemark.tracker.source;

import dev.facemark.tracker.TestFiles;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.junit.jupiter.api.Assertions.*;

class SourcesTest {
    @TempDir Path tmp;

    @Test
    void decodesTheWholeSampleVideoWithMediaTimes() {
        try (FrameSource src = Sources.open(TestFiles.video().toString(), 0, 0, 0)) {
            assertInstanceOf(VideoFileSource.class, src);
            assertEquals(25.0, src.fps(), 0.01);
            long n = 0;
            double lastT = -1;
            SourceFrame f;
            while ((f = src.next()) != null) {
                assertEquals(n, f.index());
                assertEquals(400, f.width());
                assertEquals(300, f.height());
                assertEquals(CV_8UC3, f.bgr().type());
                if (n == 0) assertEquals(0.0, f.timeMs());
                assertTrue(f.timeMs() > lastT, "times increase");
                lastT = f.timeMs();
                n++;
            }
            assertEquals(765, n);
            assertEquals(764 * 40.0, lastT, 1.0);
            assertNull(src.next(), "stays at the end");
        }
    }

    @Test
    void truncatedVideoDeliversItsFramesThenSaysItIsTruncated() throws Exception {
        byte[] all = Files.readAllBytes(TestFiles.video());
        Path cut = Files.write(tmp.resolve("cut.mp4"), java.util.Arrays.copyOf(all, all.length * 2 / 5));
        long delivered = 0;
        try (FrameSource src = new VideoFileSource(cut)) {
            SourceException e = assertThrows(SourceException.class, () -> { while (src.next() != null) { } });
            assertTrue(e.getMessage().contains("cut.mp4") && e.getMessage().contains("truncated"), e.getMessage());
        }
        try (FrameSource src = new VideoFileSource(cut)) {
            try { while (src.next() != null) delivered++; } catch (SourceException expected) { /* counted */ }
        }
        assertTrue(delivered > 100 && delivered < 765, "frames before the cut: " + delivered);
    }

    @Test
    void prefetchingDeliversTheSameFramesInOrderAndTheFailureAfterThem() throws Exception {
        List<Double> direct = new ArrayList<>(), ahead = new ArrayList<>();
        try (FrameSource a = new VideoFileSource(TestFiles.video()); FrameSource b = new PrefetchSource(new VideoFileSource(TestFiles.video()))) {
            SourceFrame fa, fb;
            long n = 0;
            while ((fa = a.next()) != null) {
                fb = b.next();
                assertNotNull(fb, "frame " + n);
                assertEquals(fa.index(), fb.index());
                assertEquals(fa.timeMs(), fb.timeMs());
                if (n % 100 == 0) { direct.add(mean(fa.bgr()).get(1)); ahead.add(mean(fb.bgr()).get(1)); }
                n++;
            }
            assertNull(b.next());
            assertEquals(765, n);
        }
        assertEquals(direct, ahead, "same pixels");
        byte[] all = Files.readAllBytes(TestFiles.video());
        Path cut = Files.write(tmp.resolve("cut2.mp4"), java.util.Arrays.copyOf(all, all.length / 2));
        long[] count = {0};
        try (FrameSource src = new PrefetchSource(new VideoFileSource(cut))) {
            SourceException e = assertThrows(SourceException.class, () -> { while (src.next() != null) count[0]++; });
            assertTrue(e.getMessage().contains("truncated"));
        }
        assertTrue(count[0] > 200, "frames before the cut: " + count[0]);
        try (FrameSource early = new PrefetchSource(new VideoFileSource(TestFiles.video()))) {
            assertNotNull(early.next()); // closing mid-stream stops the decoder thread
        }
    }

    @Test
    void notAVideoAndMissingFilesAreOneClearLine() throws Exception {
        Path txt = Files.writeString(tmp.resolve("notes.mp4"), "hello, I am not a video\n".repeat(100));
        SourceException e = assertThrows(SourceException.class, () -> Sources.open(txt.toString(), 0, 0, 0));
        assertTrue(e.getMessage().contains("notes.mp4") && e.getMessage().contains("not a video"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        SourceException missing = assertThrows(SourceException.class, () -> Sources.open(tmp.resolve("nope.mp4").toString(), 0, 0, 0));
        assertTrue(missing.getMessage().contains("does not exist"));
    }

    @Test
    void missingCameraFailsFastWithOneLine() {
        long t0 = System.nanoTime();
        SourceException e = assertThrows(SourceException.class, () -> Sources.open("37", 640, 480, 30));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getMessage().startsWith("no camera at /dev/video37"), e.getMessage());
        assertTrue(ms < 500, "took " + ms + " ms");
    }

    @Test
    void cameraListSortsVideoDevicesNumerically() throws Exception {
        Path dev = Files.createDirectories(tmp.resolve("dev")), sys = Files.createDirectories(tmp.resolve("sys"));
        for (String n : new String[] {"video10", "video2", "video0", "null", "videox"}) Files.createFile(dev.resolve(n));
        Files.createDirectories(sys.resolve("video2"));
        Files.writeString(sys.resolve("video2/name"), "Integrated Camera\n");
        List<CameraList.Camera> cams = CameraList.scan(dev, sys);
        assertEquals(List.of("video0", "video2", "video10"), cams.stream().map(c -> Path.of(c.path()).getFileName().toString()).toList());
        assertEquals("Integrated Camera", cams.get(1).name());
    }

    @Test
    void imageFolderIsSortedByNameAndFramesCarryTheirFileName() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("imgs"));
        Files.copy(TestFiles.grace(), dir.resolve("b_grace.jpg"));
        Files.copy(TestFiles.astronaut(), dir.resolve("a_astro.png"));
        Files.writeString(dir.resolve("readme.txt"), "not an image");
        List<String> names = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        try (FrameSource src = Sources.open(dir.toString(), 0, 0, 0)) {
            assertEquals(2, src.frameCount());
            SourceFrame f;
            while ((f = src.next()) != null) { names.add(f.name()); widths.add(f.width()); }
        }
        assertEquals(List.of("a_astro.png", "b_grace.jpg"), names);
        assertEquals(List.of(512, 512), widths);
        try (FrameSource one = Sources.open(TestFiles.grace().toString(), 0, 0, 0)) {
            SourceFrame f = one.next();
            assertEquals(600, f.height());
            assertNull(f.name(), "a single image is not a folder");
            assertNull(one.next());
        }
        Path fake = Files.writeString(tmp.resolve("fake.jpg"), "nope");
        try (FrameSource bad = Sources.open(fake.toString(), 0, 0, 0)) {
            SourceException e = assertThrows(SourceException.class, bad::next);
            assertTrue(e.getMessage().contains("fake.jpg") && e.getMessage().contains("not an image"));
        }
    }

    @Test
    void demoMovesSmoothlyAndStopsAfterMaxFrames() {
        try (DemoSource demo = new DemoSource(3, 30, 40, false); Mat prev = new Mat(); Mat diff = new Mat()) {
            int n = 0;
            double maxStep = 0, total = 0;
            SourceFrame f;
            while ((f = demo.next()) != null) {
                assertEquals(DemoSource.WIDTH, f.width());
                assertEquals(DemoSource.HEIGHT, f.height());
                assertEquals(n * 1000.0 / 30, f.timeMs(), 1e-6);
                if (n > 0) {
                    absdiff(f.bgr(), prev, diff);
                    double d = mean(diff).get(0);
                    maxStep = Math.max(maxStep, d);
                    total += d;
                }
                f.bgr().copyTo(prev);
                n++;
            }
            assertEquals(40, n);
            assertTrue(total > 0, "the demo moves");
            assertTrue(maxStep < 25, "and moves smoothly: biggest mean frame step " + maxStep);
        }
    }
}
