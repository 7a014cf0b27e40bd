package dev.facemark.tracker.source;

import dev.facemark.tracker.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Bad inputs are one clean line: what could not be read, why in plain words, what to do; never
 * FFmpeg's or JavaCV's internals. Real sockets on loopback for the network cases.
 */
class StreamErrorsTest {
    @TempDir Path tmp;

    /** None of what JavaCV puts in its messages. */
    static void assertClean(String m) {
        assertFalse(m.contains("\n"), m);
        for (String internal : List.of("avformat", "error -", "setFormat", "FFmpegLogCallback", "Exception", "JavaCV")) {
            assertFalse(m.contains(internal), "'" + internal + "' in: " + m);
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { return s.getLocalPort(); }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nothingServingIsConnectionRefusedForEveryTcpBasedScheme() throws Exception {
        int port = closedPort();
        for (String url : List.of("tcp://127.0.0.1:" + port, "http://127.0.0.1:" + port + "/live.ts", "rtsp://127.0.0.1:" + port + "/cam",
                "rtmp://127.0.0.1:" + port + "/live/cam")) {
            long t0 = System.nanoTime();
            SourceException e = assertThrows(SourceException.class, () -> Sources.open(url, 0, 0, 0));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("cannot open stream " + url + ": connection refused (nothing is serving at that address and port);"
                    + " check the URL and that the camera or server is running", e.getMessage());
            assertClean(e.getMessage());
            assertTrue(ms < 15_000, url + " took " + ms + " ms");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aServerThatAcceptsButNeverSendsTimesOut() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (IOException closed) {
                    // the test is over
                }
            });
            accept.setDaemon(true);
            accept.start();
            for (String url : List.of("tcp://127.0.0.1:" + silent.getLocalPort(), "http://127.0.0.1:" + silent.getLocalPort() + "/cam.mjpg")) {
                long t0 = System.nanoTime();
                SourceException e = assertThrows(SourceException.class, () -> new StreamSource(url, 1000));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals("cannot open stream " + url + ": no answer within 1 s; check the address, or allow longer with --timeout MS", e.getMessage());
                assertTrue(ms >= 900 && ms < 10_000, "gave up after " + ms + " ms with --timeout 1000");
            }
        } finally {
            for (Socket s : held) s.close();
        }
    }

    @Test
    void unsupportedProtocolsAndUnknownHostsSaySo() {
        SourceException e = assertThrows(SourceException.class, () -> Sources.open("gopherx://camera.local/1", 0, 0, 0));
        assertTrue(e.getMessage().startsWith("cannot open gopherx://camera.local/1: this FFmpeg build has no gopherx:// input;"
                + " stream URLs it reads: rtsp://, rtsps://, http://, https://, tcp://, udp://, srt://, rtmp://"), e.getMessage());
        assertClean(e.getMessage());
        SourceException host = assertThrows(SourceException.class, () -> Sources.open("http://no-such-host.invalid/live.ts", 0, 0, 0));
        assertEquals("cannot open stream http://no-such-host.invalid/live.ts: unknown host no-such-host.invalid; check the URL", host.getMessage());
    }

    @Test
    void passwordsStayOutOfMessages() throws Exception {
        int port = closedPort();
        SourceException e = assertThrows(SourceException.class, () -> Sources.open("rtsp://admin:s3cret@127.0.0.1:" + port + "/cam", 0, 0, 0));
        assertTrue(e.getMessage().startsWith("cannot open stream rtsp://admin:***@127.0.0.1:" + port + "/cam: connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
        assertEquals("http://cam/x?a=b@c", StreamUrl.redacted("http://cam/x?a=b@c"));
    }

    @Test
    void badFilesAreOneCleanLine() throws Exception {
        Path text = Files.writeString(tmp.resolve("README.md"), "# not a video\n".repeat(40));
        SourceException t = assertThrows(SourceException.class, () -> Sources.open(text.toString(), 0, 0, 0));
        assertEquals("cannot read " + text + " as a video: not a video file, or truncated/corrupt; check the path or re-encode it", t.getMessage());

        byte[] all = Files.readAllBytes(TestFiles.video());
        Path head = Files.write(tmp.resolve("head.mp4"), java.util.Arrays.copyOf(all, 2000)); // cut inside the header
        SourceException h = assertThrows(SourceException.class, () -> Sources.open(head.toString(), 0, 0, 0));
        assertEquals("cannot read " + head + " as a video: not a video file, or truncated/corrupt; check the path or re-encode it", h.getMessage());

        Path cut = Files.write(tmp.resolve("cut.mp4"), java.util.Arrays.copyOf(all, all.length / 3)); // frames, then the cut
        try (FrameSource src = Sources.open(cut.toString(), 0, 0, 0)) {
            SourceException c = assertThrows(SourceException.class, () -> { while (src.next() != null) { } });
            assertTrue(c.getMessage().startsWith("video " + cut + " ended after ") && c.getMessage().endsWith(
                    "frames: the file is truncated or corrupt; re-encode or re-download it"), c.getMessage());
            assertClean(c.getMessage());
        }

        SourceException missing = assertThrows(SourceException.class, () -> Sources.open(tmp.resolve("gone.mp4").toString(), 0, 0, 0));
        assertEquals("input " + tmp.resolve("gone.mp4") + " does not exist; check the path (a stream needs its scheme, e.g. rtsp://HOST/PATH)",
                missing.getMessage());
        for (SourceException e : List.of(t, h, missing)) assertClean(e.getMessage());
    }
}
