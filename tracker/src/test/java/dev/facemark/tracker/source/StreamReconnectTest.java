package dev.facemark.tracker.source;

import dev.facemark.core.io.LandmarkReader;
import dev.facemark.core.io.LandmarkRecord;
import dev.facemark.tracker.CliRun;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import dev.facemark.tracker.cli.TrackerCommand;
import dev.facemark.tracker.source.StreamServer.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Live network streams end to end through {@code tracker video}: a real FFmpeg server process on
 * loopback ({@link StreamServer}) is killed mid-stream; the tracker retries the configured number of
 * times, then stops with exit code 3, its JSONL holding one valid line per processed frame and its
 * mp4 finalised (FFmpeg reads it back, every frame). Ports are chosen free at run time; waits are
 * generous, because two cores are shared with other work.
 */
class StreamReconnectTest {
    @TempDir Path tmp;
    Path model;

    @BeforeEach
    void fixture() { model = Models.fixture(tmp); }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tcpMpegTsServerKilledMidStream() throws Exception {
        serverKilledMidStream(Kind.TCP, 2, 3000);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void httpMpegTsServerKilledMidStream() throws Exception {
        serverKilledMidStream(Kind.HTTP, 2, 3000);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void httpMjpegServerKilledMidStream() throws Exception {
        serverKilledMidStream(Kind.MJPEG, 1, 3000);
    }

    /** UDP has no connection to close: the loss is the read timeout, and each reconnect waits one out. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void udpSenderKilledMidStreamIsLostAfterTheReadTimeout() throws Exception {
        Run r = serverKilledMidStream(Kind.UDP, 2, 1000);
        assertTrue(r.err.contains("no data for 1 s"), r.err);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void srtListenerKilledMidStream() throws Exception {
        serverKilledMidStream(Kind.SRT, 1, 2000);
    }

    /**
     * A server that closes the stream and is back 1.5 s later (a rebooting camera): the tracker
     * reconnects and goes on with one frame numbering; killed for good, it is lost after its attempts.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tcpServerBackWithinTheAttemptsIsReconnected() throws Exception {
        Kind kind = Kind.TCP;
        int port = StreamServer.freePort(kind);
        String url = kind.clientUrl(port);
        Path jsonl = tmp.resolve("restart.jsonl"), mp4 = tmp.resolve("restart.mp4");
        CliRun r;
        try (StreamServer server = StreamServer.startRestarting(kind, port, TestFiles.video(), tmp, 50, 1500)) {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("video", "--input", url,
                    "--model", model.toString(), "--landmarks", jsonl.toString(), "--output", mp4.toString(), "--no-progress",
                    "--timeout", "5000", "--reconnect", "8", "--reconnect-delay", "400"));
            awaitRows(jsonl, 50 + 40, run); // the first 50 frames, then 40 from the server's second session
            server.kill();
            r = run.get(90, TimeUnit.SECONDS);
        }
        String err = r.err();
        System.out.println("restart:\n" + err);
        assertEquals(TrackerCommand.EXIT_SOURCE_LOST, r.code(), err);
        List<String> tracker = err.lines().filter(l -> l.startsWith("tracker:")).toList();
        assertTrue(tracker.get(0).startsWith("tracker: " + url + " lost after 50 frames (the server closed the stream); reconnecting"), err);
        assertEquals(1, tracker.stream().filter(l -> l.startsWith("tracker: reconnected to " + url + " (attempt ")).count(), err);
        String last = tracker.get(tracker.size() - 1);
        assertTrue(last.contains("not back after 8 reconnect attempts"), last);
        List<LandmarkRecord> rows = rowsInOrder(jsonl);
        assertTrue(rows.size() >= 90, "frames of both sessions: " + rows.size());
        assertTrue(last.startsWith("tracker: " + url + " lost after " + rows.size() + " frames"), last);
        for (int i = 1; i < rows.size(); i++) assertTrue(rows.get(i).timeMs() > rows.get(i - 1).timeMs(), "times increase at " + i);
        assertEquals(rows.size(), framesIn(mp4), "the mp4 holds every processed frame");
    }

    record Run(CliRun cli, String err, long rowsAtKill, List<LandmarkRecord> rows) {}

    private Run serverKilledMidStream(Kind kind, int reconnects, int timeoutMs) throws Exception {
        int port = StreamServer.freePort(kind);
        String url = kind.clientUrl(port);
        Path jsonl = tmp.resolve(kind + ".jsonl"), mp4 = tmp.resolve(kind + ".mp4");
        CliRun r;
        long atKill;
        try (StreamServer server = StreamServer.start(kind, port, TestFiles.video(), tmp)) {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("video", "--input", url,
                    "--model", model.toString(), "--landmarks", jsonl.toString(), "--output", mp4.toString(), "--no-progress",
                    "--timeout", "" + timeoutMs, "--reconnect", "" + reconnects, "--reconnect-delay", "300"));
            atKill = awaitRows(jsonl, 25, run);
            assertTrue(server.alive(), "the server streamed until now: " + server.output());
            server.kill();
            r = run.get(90, TimeUnit.SECONDS);
        }
        String err = r.err();
        System.out.println(kind + " (" + (StreamServer.ffmpegProgramWorks() ? "ffmpeg program" : "JVM streamer") + "), killed at "
                + atKill + " rows:\n" + err);
        assertEquals(TrackerCommand.EXIT_SOURCE_LOST, r.code(), err);
        assertFalse(err.contains("Info:") || err.contains("avformat"), "no library chatter: " + err);
        List<String> tracker = err.lines().filter(l -> l.startsWith("tracker:")).toList();
        String last = tracker.get(tracker.size() - 1);
        assertTrue(last.startsWith("tracker: " + url + " lost after "), err);
        assertTrue(last.contains("not back after " + reconnects + " reconnect attempt"), err);
        assertFalse(last.contains("avformat") || last.contains("error -") || last.contains("Exception"), last);
        for (int k = 1; k <= reconnects; k++) {
            String attempt = "reconnect attempt " + k + " of " + reconnects + " to " + url + " failed";
            assertEquals(1, tracker.stream().filter(l -> l.contains(attempt)).count(), "attempt " + k + " once: " + err);
        }
        assertEquals(reconnects, tracker.stream().filter(l -> l.matches(".*reconnect attempt \\d+ of .*")).count(), err);
        List<LandmarkRecord> rows = rowsInOrder(jsonl);
        assertTrue(rows.size() >= atKill, rows.size() + " rows, " + atKill + " when the server was killed");
        assertTrue(last.contains("lost after " + rows.size() + " frames"), "one row per processed frame: " + last);
        assertEquals(rows.size(), framesIn(mp4), "the mp4 was finalised with every processed frame");
        return new Run(r, err, atKill, rows);
    }

    /** Waits until the tracker has written {@code n} landmark rows, and returns how many there are. */
    private static long awaitRows(Path jsonl, long n, CompletableFuture<CliRun> run) throws Exception {
        long end = System.currentTimeMillis() + 60_000, rows = 0;
        while (System.currentTimeMillis() < end) {
            if (run.isDone()) fail("the tracker ended before the server was killed: " + run.get().err());
            rows = lines(jsonl);
            if (rows >= n) return rows;
            Thread.sleep(50);
        }
        fail("only " + rows + " rows after 60 s");
        return rows;
    }

    private static long lines(Path f) throws IOException {
        if (!Files.exists(f)) return 0;
        return Files.readAllLines(f).stream().filter(l -> l.endsWith("}")).count();
    }

    /** Every line parses as a landmark record, frames numbered 0, 1, 2, ... */
    static List<LandmarkRecord> rowsInOrder(Path jsonl) throws IOException {
        List<String> text = Files.readAllLines(jsonl);
        List<LandmarkRecord> rows = LandmarkReader.read(jsonl);
        assertEquals(text.size(), rows.size(), "one record per line");
        assertEquals(LongStream.range(0, rows.size()).boxed().toList(), rows.stream().map(LandmarkRecord::frame).toList(), "frames 0, 1, 2, ...");
        return rows;
    }

    /** Frames FFmpeg decodes from the file (it must open: a moov atom was written). */
    static int framesIn(Path mp4) {
        try (VideoFileSource v = new VideoFileSource(mp4)) {
            int n = 0;
            while (v.next() != null) n++;
            return n;
        }
    }
}
