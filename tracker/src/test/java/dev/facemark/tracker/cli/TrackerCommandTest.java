package dev.facemark.tracker.cli;


import dev.facemark.core.io.LandmarkReader;
import dev.facemark.core.io.LandmarkRecord;
import dev.facemark.core.runtime.FixtureModels;
import dev.facemark.tracker.CliRun;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import dev.facemark.tracker.app.PackagedModels;
import dev.facemark.tracker.source.VideoFileSource;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.*;

/** The command line end to end, above all its answers to bad input: one line, the right exit code. */
class TrackerCommandTest {
    @TempDir Path tmp;
    Path model;
    String err;
    String out;

    @BeforeEach
    void fixture() { model = Models.fixture(tmp); }

    int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    /** Error output without the progress bar: the lines that start with "tracker:". */
    List<String> messages() {
        return err.lines().filter(l -> l.startsWith("tracker:")).toList();
    }

    @Test
    void videoWritesLandmarksAndAPlayableAnnotatedVideo() {
        Path jsonl = tmp.resolve("o.jsonl"), mp4 = tmp.resolve("o.mp4");
        int rc = run("video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--frames", "60",
                "--landmarks", jsonl.toString(), "--output", mp4.toString(), "--profile");
        assertEquals(0, rc, err);
        List<LandmarkRecord> rows = LandmarkReader.read(jsonl);
        assertEquals(60, rows.size());
        assertEquals(0.0, rows.get(0).timeMs());
        assertTrue(rows.stream().filter(r -> !r.faces().isEmpty()).count() >= 59);
        assertTrue(err.contains("inference") && err.contains("p99"), "profile table: " + err);
        try (VideoFileSource v = new VideoFileSource(mp4)) {
            int n = 0;
            while (v.next() != null) n++;
            assertEquals(60, n, "annotated video has every frame");
            assertEquals(400, v.width());
        }
    }

    @Test
    void truncatedVideoKeepsTheFramesBeforeTheCutAndExitsNonZero() throws Exception {
        byte[] all = Files.readAllBytes(TestFiles.video());
        Path cut = Files.write(tmp.resolve("cut.mp4"), java.util.Arrays.copyOf(all, all.length / 3));
        Path jsonl = tmp.resolve("cut.jsonl"), mp4 = tmp.resolve("cut_out.mp4");
        int rc = run("video", "--input", cut.toString(), "--model", model.toString(), "--landmarks", jsonl.toString(),
                "--output", mp4.toString(), "--no-progress");
        assertEquals(1, rc);
        assertEquals(1, messages().size(), err);
        assertTrue(messages().get(0).contains("cut.mp4") && messages().get(0).contains("truncated"), err);
        int rows = LandmarkReader.read(jsonl).size();
        assertTrue(rows > 100, "rows written before the failure: " + rows);
        try (VideoFileSource v = new VideoFileSource(mp4)) {
            int n = 0;
            while (v.next() != null) n++;
            assertEquals(rows, n, "the video was finalised with every processed frame");
        }
    }

    @Test
    void notAVideoIsOneLine() throws Exception {
        Path txt = Files.writeString(tmp.resolve("clip.mp4"), "plain text\n".repeat(50));
        assertEquals(1, run("video", "--input", txt.toString(), "--model", model.toString()));
        assertEquals(List.of(err.strip()), messages());
        assertTrue(err.contains("clip.mp4") && err.contains("not a video"), err);
    }

    /** Every bad input is one line naming it, why in plain words and what to do: no FFmpeg or JavaCV internals, exit code 1. */
    @Test
    void badInputsAreOneCleanLineNamingWhatToDo() throws Exception {
        Path readme = Files.copy(TestFiles.root().resolve("README.md"), tmp.resolve("README.md"));
        byte[] all = Files.readAllBytes(TestFiles.video());
        Path head = Files.write(tmp.resolve("head.mp4"), java.util.Arrays.copyOf(all, 2000));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { port = s.getLocalPort(); }
        String[][] cases = {
                {readme.toString(), "tracker: cannot read " + readme + " as a video: not a video file, or truncated/corrupt; check the path or re-encode it"},
                {head.toString(), "tracker: cannot read " + head + " as a video: not a video file, or truncated/corrupt; check the path or re-encode it"},
                {tmp.resolve("nope.mp4").toString(), "tracker: input " + tmp.resolve("nope.mp4") + " does not exist; check the path"},
                {"tcp://127.0.0.1:" + port, "tracker: cannot open stream tcp://127.0.0.1:" + port + ": connection refused"},
                {"rtsp://127.0.0.1:" + port + "/cam", "tracker: cannot open stream rtsp://127.0.0.1:" + port + "/cam: connection refused"},
                {"gopherx://cam/1", "tracker: cannot open gopherx://cam/1: this FFmpeg build has no gopherx:// input; stream URLs it reads: rtsp://"},
        };
        for (String[] c : cases) {
            assertEquals(1, run("video", "--input", c[0], "--model", model.toString(), "--no-progress"), err);
            assertEquals(List.of(err.strip()), messages(), "one line only: " + err);
            assertTrue(err.strip().startsWith(c[1]), err);
            for (String internal : List.of("avformat", "error -", "setFormat", "FFmpegLogCallback", "Exception")) {
                assertFalse(err.contains(internal), internal + " in: " + err);
            }
        }
    }

    /** picocli formats descriptions with String.format: a bare '%' garbles --help and prints a WARN on stderr. */
    @Test
    void everyCommandsHelpFormats() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        List<String> commands = List.copyOf(new picocli.CommandLine(new TrackerCommand()).getSubcommands().keySet());
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String c : commands) assertEquals(0, run(c, "--help"), c + ": " + err);
        } finally {
            System.setErr(saved);
        }
        assertTrue(commands.containsAll(List.of("video", "image", "live", "bench", "motion-score")), "subcommands: " + commands);
        String w = warnings.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(w.contains("picocli WARN"), w);
    }

    @Test
    void videoHelpListsTheStreamOptions() {
        assertEquals(0, run("video", "--help"));
        for (String o : List.of("--timeout", "--reconnect", "--reconnect-delay", "rtsp://")) assertTrue(out.contains(o), o + " in:\n" + out);
    }

    @Test
    void modelsWithoutContractOrWithTheWrongShapeAreRefused() {
        Path bare = FixtureModels.regressor(tmp.resolve("bare.onnx"), Models.FIXTURE, 64, false, -1);
        assertEquals(1, run("image", "--input", TestFiles.grace().toString(), "--model", bare.toString()));
        assertTrue(err.strip().startsWith("tracker: ") && err.contains("bare.onnx") && err.contains("contract"), err);
        assertEquals(1, err.strip().lines().count());
        Path wrong = FixtureModels.regressor(tmp.resolve("wrong.onnx"), Models.FIXTURE, 32, true, -1);
        assertEquals(1, run("image", "--input", TestFiles.grace().toString(), "--model", wrong.toString()));
        assertTrue(err.contains("wrong.onnx") && err.contains("shape"), err);
        assertEquals(1, run("image", "--input", TestFiles.grace().toString(), "--model", tmp.resolve("none.onnx").toString()));
        assertTrue(err.contains("none.onnx") && err.contains("does not exist"), err);
    }

    @Test
    void unwritableOutputsFailBeforeAnyWork() {
        Path nowhere = tmp.resolve("no/such/folder/out.mp4");
        assertEquals(1, run("video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--output", nowhere.toString()));
        assertTrue(err.contains("out.mp4") && err.contains("does not exist"), err);
        Path jsonl = tmp.resolve("missing/out.jsonl");
        assertEquals(1, run("video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--landmarks", jsonl.toString()));
        assertTrue(err.contains("out.jsonl") && err.contains("does not exist"), err);
        assertFalse(err.contains("frames,"), "nothing was processed: " + err);
    }

    @Test
    void imageWithoutAFaceExitsZeroWithNoFaces() {
        Path blank = tmp.resolve("blank.png");
        try (Mat m = new Mat(240, 320, CV_8UC3, new Scalar(90, 120, 150, 0))) { imwrite(blank.toString(), m); }
        Path jsonl = tmp.resolve("blank.jsonl");
        assertEquals(0, run("image", "--input", blank.toString(), "--model", model.toString(), "--landmarks", jsonl.toString()), err);
        List<LandmarkRecord> rows = LandmarkReader.read(jsonl);
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).faces().isEmpty());
    }

    @Test
    void imageFolderNamesEachRowAndWritesAnnotatedImages() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.copy(TestFiles.grace(), dir.resolve("1_grace.jpg"));
        Files.copy(TestFiles.astronaut(), dir.resolve("2_astro.png"));
        Path jsonl = tmp.resolve("imgs.jsonl"), outDir = tmp.resolve("annotated");
        assertEquals(0, run("image", "--input", dir.toString(), "--model", model.toString(), "--landmarks", jsonl.toString(),
                "--output", outDir.toString()), err);
        List<LandmarkRecord> rows = LandmarkReader.read(jsonl);
        assertEquals(List.of("1_grace.jpg", "2_astro.png"), rows.stream().map(LandmarkRecord::source).toList());
        for (LandmarkRecord r : rows) {
            assertEquals(1, r.faces().size(), "one face in " + r.source());
            assertEquals(1, r.faces().get(0).id(), "ids restart per image");
        }
        assertTrue(Files.size(outDir.resolve("1_grace.jpg")) > 10_000);
        assertTrue(Files.exists(outDir.resolve("2_astro.png")));
        Path csv = tmp.resolve("one.csv");
        assertEquals(0, run("image", "--input", TestFiles.grace().toString(), "--model", model.toString(), "--landmarks", csv.toString()), err);
        List<LandmarkRecord> csvRows = LandmarkReader.read(csv);
        assertEquals(1, csvRows.size());
        assertEquals(68, csvRows.get(0).faces().get(0).points(), "CSV chosen by the extension, all points in it");
    }

    @Test
    void liveWithoutCameraRunsTheDemoHeadlessAndSaysSo() {
        Path jsonl = tmp.resolve("live.jsonl");
        assertEquals(0, run("live", "--headless", "--frames", "30", "--model", model.toString(), "--landmarks", jsonl.toString()), err);
        if (dev.facemark.tracker.source.CameraList.scan().isEmpty()) {
            assertTrue(err.contains("no camera") && err.contains("demo"), err);
        }
        List<LandmarkRecord> rows = LandmarkReader.read(jsonl);
        assertEquals(30, rows.size());
        assertTrue(rows.stream().filter(r -> !r.faces().isEmpty()).count() >= 25, "the demo face is tracked");
    }

    @Test
    void missingCameraAndBadOptionsAreOneLine() {
        assertEquals(1, run("live", "--camera", "/dev/video99", "--model", model.toString()));
        assertTrue(err.strip().startsWith("tracker: no camera at /dev/video99"), err);
        assertEquals(1, run("video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--device", "tpu"));
        assertTrue(err.contains("cpu or cuda"), err);
        assertEquals(1, run("video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--detector", "ssd"));
        assertTrue(err.contains("haar or yunet:PATH"), err);
        assertEquals(2, run("video"), "missing --input is a usage error");
        assertEquals(0, run("--list-cameras"));
        assertFalse(out.isBlank());
    }

    @Test
    void packagedModelIsTheDefaultOrItsAbsenceIsExplained() {
        boolean packaged = getClass().getClassLoader().getResource(PackagedModels.DEFAULT) != null;
        int rc = run("image", "--input", TestFiles.grace().toString());
        if (packaged) {
            assertEquals(0, rc, err);
        } else {
            assertEquals(1, rc);
            assertTrue(err.contains("no landmark model") && err.contains("--model"), err);
        }
    }
}
