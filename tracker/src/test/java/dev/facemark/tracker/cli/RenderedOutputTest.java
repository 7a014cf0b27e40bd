package dev.facemark.tracker.cli;


import dev.facemark.core.io.LandmarkReader;
import dev.facemark.core.io.LandmarkRecord;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.runtime.FixtureModels;
import dev.facemark.tracker.CliRun;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The annotated outputs through the OpenGL renderer (headless EGL): a filtered video decoded back
 * and compared with its source frame by frame, the headless live view's screenshot and recording,
 * and the drawing options' answers to bad input.
 */
class RenderedOutputTest {
    @TempDir Path tmp;
    Path model;
    String err, out;

    @BeforeEach
    void model() { model = Models.fastOrFixture(tmp); }

    int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void filteredVideoThroughOpenGlDecodesBackAndDiffersWhereLandmarksAreDrawn() throws Exception {
        Path mp4 = tmp.resolve("out.mp4"), jsonl = tmp.resolve("out.jsonl");
        assertEquals(0, run("video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--frames", "60",
                "--output", mp4.toString(), "--landmarks", jsonl.toString(), "--filter", "mesh,axes", "--no-progress"), err);
        assertFalse(err.contains("OpenGL unavailable"), "drawn by the OpenGL renderer: " + err);
        List<LandmarkRecord> rows = LandmarkReader.read(jsonl);
        List<Mat> source = decode(TestFiles.video(), 60), annotated = decode(mp4, 60);
        try {
            assertEquals(60, annotated.size(), "every frame written");
            assertEquals(400, annotated.get(0).cols());
            assertEquals(300, annotated.get(0).rows());
            int framesChecked = 0;
            for (int i = 0; i < 60; i++) {
                if (rows.get(i).faces().isEmpty()) continue;
                float[] p = rows.get(i).faces().get(0).landmarks();
                float[] box = rows.get(i).faces().get(0).box();
                // at the landmarks: the drawn points (a disc of radius 2.5 in the group's colour)
                double[] d = new double[p.length / 2];
                for (int k = 0; k < d.length; k++) d[k] = diff(source.get(i), annotated.get(i), Math.round(p[2 * k]), Math.round(p[2 * k + 1]), 0);
                Arrays.sort(d);
                assertTrue(d[d.length / 2] > 25, "frame " + i + ": median change at the landmarks " + d[d.length / 2]);
                // away from the face and the HUD (top left): only compression noise
                double far = meanDiffOutside(source.get(i), annotated.get(i), box, 30);
                assertTrue(far < 6, "frame " + i + ": mean change away from the face " + far);
                double hud = meanDiffOutside(source.get(i), annotated.get(i), new float[] {0, 0, 0, 0}, 0, 90, 26, true);
                assertTrue(hud > 20, "frame " + i + ": the HUD's first line darkens the top left corner, change " + hud);
                framesChecked++;
            }
            assertTrue(framesChecked >= 55, "frames with a face: " + framesChecked);
        } finally {
            source.forEach(Mat::close);
            annotated.forEach(Mat::close);
        }
    }

    @Test
    void headlessLiveViewWritesAScreenshotAndARecording() {
        Path png = tmp.resolve("live.png"), rec = tmp.resolve("live.mp4");
        assertEquals(0, run("live", "--headless", "--demo", "--seed", "7", "--frames", "30", "--model", model.toString(),
                "--screenshot", png.toString(), "--screenshot-width", "320", "--record", rec.toString(), "--filter", "sunglasses", "--layers", "all"), err);
        assertTrue(err.contains("headless"), "says it runs headless: " + err);
        assertFalse(err.contains("OpenGL unavailable"), err);
        try (Mat shot = imread(png.toString())) {
            assertEquals(320, shot.cols(), "scaled to --screenshot-width");
            assertEquals(240, shot.rows());
        }
        List<Mat> frames = decode(rec, 100);
        try {
            assertEquals(30, frames.size(), "the recording has every frame");
            assertEquals(640, frames.get(0).cols());
        } finally {
            frames.forEach(Mat::close);
        }
    }

    @Test
    void helpListsKeysAndFiltersAndBadDrawingOptionsAreOneLine() {
        assertEquals(0, run("live", "--help"));
        assertTrue(out.contains("Live window keys") && out.contains("Space") && out.contains("start / stop recording"), out);
        assertTrue(out.contains("sunglasses") && out.contains("pixelate"), out);
        assertTrue(out.contains("--filter") && out.contains("--layers") && out.contains("--heatmap"), out);
        String video = TestFiles.video().toString(), mp4 = tmp.resolve("x.mp4").toString();
        assertEquals(1, run("video", "--input", video, "--model", model.toString(), "--output", mp4, "--filter", "mustache"));
        assertEquals(List.of("tracker: --filter: unknown filter 'mustache'; choose from sunglasses,mesh,mesh-shaded,big-eyes,slim-jaw,blur,pixelate,axes"),
                err.lines().toList());
        assertEquals(1, run("video", "--input", video, "--model", model.toString(), "--output", mp4, "--layers", "points,glow"));
        assertTrue(err.strip().startsWith("tracker: --layers: unknown layer 'glow'") && err.strip().lines().count() == 1, err);
        assertEquals(1, run("video", "--input", video, "--model", model.toString(), "--output", mp4, "--heatmap", "hot"));
        assertTrue(err.strip().startsWith("tracker: --heatmap: unknown heatmap mode 'hot'"), err);
        assertEquals(1, run("image", "--input", TestFiles.grace().toString(), "--model", model.toString(),
                "--output", tmp.resolve("g.png").toString(), "--heatmap", "group:ears"));
        assertTrue(err.contains("unknown point group 'ears'") && err.strip().lines().count() == 1, err);
        assertEquals(1, run("image", "--input", TestFiles.grace().toString(), "--model", model.toString(),
                "--output", tmp.resolve("g.png").toString(), "--heatmap", "point:68"));
        assertTrue(err.contains("points are 0-67"), err);
        if (!model.getFileName().toString().equals("fast.onnx")) { // the fixture is a coordinate regressor
            assertEquals(0, run("image", "--input", TestFiles.grace().toString(), "--model", model.toString(),
                    "--output", tmp.resolve("g.png").toString(), "--heatmap", "group:jaw"), err);
            assertTrue(err.contains("outputs coordinates only: the heatmap layer stays empty"), err);
        }
        assertEquals(1, run("live", "--headless", "--model", model.toString(), "--screenshot", tmp.resolve("s.png").toString()));
        assertTrue(err.contains("--screenshot") && err.contains("--frames"), err);
        assertEquals(1, run("live", "--headless", "--frames", "3", "--model", model.toString(), "--screenshot", tmp.resolve("s.jpg").toString()));
        assertTrue(err.contains("must be a .png"), err);
        assertFalse(Files.exists(tmp.resolve("x.mp4")), "nothing written after a bad option");
    }

    @Test
    void cpuDrawAndImageOutputStillAnnotate() {
        Path png = tmp.resolve("grace.png"), mp4 = tmp.resolve("cpu.mp4");
        assertEquals(0, run("image", "--input", TestFiles.grace().toString(), "--model", model.toString(), "--output", png.toString(),
                "--filter", "pixelate"), err);
        assertFalse(err.contains("OpenGL unavailable"), err);
        try (Mat m = imread(png.toString()); Mat src = imread(TestFiles.grace().toString())) {
            assertEquals(src.cols(), m.cols());
            assertTrue(meanDiffOutside(src, m, new float[] {0, 0, 0, 0}, -1) > 1, "the image was annotated");
        }
        assertEquals(0, run("video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--frames", "5",
                "--output", mp4.toString(), "--cpu-draw", "--filter", "blur", "--no-progress"), err);
        assertTrue(err.contains("--cpu-draw") && err.contains("skipped"), "says the filter needs OpenGL: " + err);
        List<Mat> frames = decode(mp4, 10);
        assertEquals(5, frames.size());
        frames.forEach(Mat::close);
    }

    @Test
    void heatmapOptionKeepsTheMapsAndDrawsThemOverTheFace() {
        ModelContract c = FixtureModels.contract("heat", 64, 1, OutputKind.HEATMAPS, 16);
        Path heat = FixtureModels.heatmap(tmp.resolve("heat.onnx"), c), plain = tmp.resolve("plain.png"), maps = tmp.resolve("maps.png");
        String grace = TestFiles.grace().toString();
        assertEquals(0, run("image", "--input", grace, "--model", heat.toString(), "--min-score", "0", "--output", plain.toString(),
                "--layers", "video"), err);
        assertEquals(0, run("image", "--input", grace, "--model", heat.toString(), "--min-score", "0", "--output", maps.toString(),
                "--layers", "video", "--heatmap", "max"), err);
        assertFalse(err.contains("stays empty"), err);
        try (Mat src = imread(grace); Mat a = imread(plain.toString()); Mat b = imread(maps.toString())) {
            assertEquals(0.0, meanDiffOutside(src, a, new float[4], -1), "the video layer alone is the image, pixel for pixel");
            double changed = meanDiffOutside(src, b, new float[4], -1);
            assertTrue(changed > 1, "the heatmap overlay is drawn: mean change " + changed);
        }
    }

    /** Up to {@code max} frames of a video as BGR Mats, decoded with FFmpeg. */
    static List<Mat> decode(Path video, int max) {
        List<Mat> frames = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile()); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            Frame f;
            while (frames.size() < max && (f = g.grabImage()) != null) frames.add(conv.convert(f).clone());
            g.stop();
        } catch (Exception e) {
            throw new AssertionError("cannot decode " + video + ": " + e.getMessage(), e);
        }
        return frames;
    }

    /** Summed absolute BGR difference at (x, y). */
    static double diff(Mat a, Mat b, int x, int y, int unused) {
        if (x < 0 || y < 0 || x >= a.cols() || y >= a.rows()) return 0;
        try (UByteIndexer ia = a.createIndexer(); UByteIndexer ib = b.createIndexer()) {
            double s = 0;
            for (int c = 0; c < 3; c++) s += Math.abs(ia.get(y, x, c) - ib.get(y, x, c));
            return s;
        }
    }

    /** The HUD's corner on a 400x300 frame (11 px text, 12 lines). */
    static final int HUD_W = 140, HUD_H = 190;

    /**
     * Mean absolute per-channel difference over pixels more than {@code margin} px outside the box
     * {x, y, w, h} and outside the HUD's corner (margin < 0: over the whole image).
     */
    static double meanDiffOutside(Mat a, Mat b, float[] box, int margin) {
        return meanDiffOutside(a, b, box, margin, HUD_W, HUD_H, false);
    }

    /** As above; with {@code insideHud}, over the HUD's corner only. */
    static double meanDiffOutside(Mat a, Mat b, float[] box, int margin, int hudW, int hudH, boolean insideHud) {
        try (UByteIndexer ia = a.createIndexer(); UByteIndexer ib = b.createIndexer()) {
            double s = 0;
            long n = 0;
            for (int y = 0; y < a.rows(); y++) {
                for (int x = 0; x < a.cols(); x++) {
                    boolean hud = x < hudW && y < hudH;
                    if (insideHud) {
                        if (!hud) continue;
                    } else if (margin >= 0) {
                        boolean nearFace = x > box[0] - margin && x < box[0] + box[2] + margin && y > box[1] - margin && y < box[1] + box[3] + margin;
                        if (nearFace || hud) continue;
                    }
                    for (int c = 0; c < 3; c++) s += Math.abs(ia.get(y, x, c) - ib.get(y, x, c));
                    n += 3;
                }
            }
            return n == 0 ? 0 : s / n;
        }
    }
}
