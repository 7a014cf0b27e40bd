package dev.facemark.tracker.source;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.*;

/** The reconnect policy on scripted sources; the network itself is in StreamReconnectTest. */
class ReconnectingSourceTest {
    /** Delivers {@code frames} frames 40 ms apart in its own clock from 0, then is lost. */
    static final class Burst implements FrameSource {
        private final int frames;
        private final Mat mat = new Mat(4, 4, CV_8UC3);
        private int n;
        boolean closed;

        Burst(int frames) { this.frames = frames; }

        @Override
        public SourceFrame next() {
            if (n >= frames) throw new SourceLostException("burst lost", "the server closed the stream", n, 0);
            return new SourceFrame(n, 40.0 * n++, mat, null);
        }

        @Override public String name() { return "tcp://cam"; }
        @Override public double fps() { return 25; }
        @Override public long frameCount() { return -1; }
        @Override public boolean live() { return true; }
        @Override public void close() { closed = true; mat.close(); }
    }

    @Test
    void framesKeepOneNumberingAndIncreasingTimesAcrossReconnections() {
        Deque<Object> opens = new ArrayDeque<>(List.of(new SourceException("refused", "connection refused"), new Burst(2), new Burst(3)));
        List<String> notices = new ArrayList<>();
        Burst first = new Burst(2);
        try (ReconnectingSource src = new ReconnectingSource(first, () -> {
            Object next = opens.isEmpty() ? new SourceException("refused", "connection refused") : opens.pop();
            if (next instanceof SourceException e) throw e;
            return (FrameSource) next;
        }, 2, 0, notices::add, null)) {
            List<Long> index = new ArrayList<>();
            List<Double> times = new ArrayList<>();
            SourceLostException lost = null;
            try {
                SourceFrame f;
                while ((f = src.next()) != null) { index.add(f.index()); times.add(f.timeMs()); }
            } catch (SourceLostException e) {
                lost = e;
            }
            assertTrue(first.closed, "a lost source is closed before the next is opened");
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), index);
            for (int i = 1; i < times.size(); i++) assertTrue(times.get(i) > times.get(i - 1), "times increase: " + times);
            assertNotNull(lost, "the last burst is lost, and the server stays away");
            assertEquals(7, lost.frames());
            assertEquals(2, lost.attempts());
            assertEquals("tcp://cam lost after 7 frames (the server closed the stream) and not back after 2 reconnect attempts"
                    + " (last: connection refused); check the camera or server, or allow more with --reconnect N", lost.getMessage());
            // Attempts count afresh after a frame: burst 2 took attempts 1 (refused) and 2, burst 3 attempt 1; the final loss has none left.
            assertEquals(List.of(
                    "tcp://cam lost after 2 frames (the server closed the stream); reconnecting, attempt 1 of 2 in 0 s",
                    "reconnect attempt 1 of 2 to tcp://cam failed: connection refused",
                    "reconnected to tcp://cam (attempt 2 of 2)",
                    "tcp://cam lost after 4 frames (the server closed the stream); reconnecting, attempt 1 of 2 in 0 s",
                    "reconnected to tcp://cam (attempt 1 of 2)",
                    "tcp://cam lost after 7 frames (the server closed the stream); reconnecting, attempt 1 of 2 in 0 s"),
                    notices.subList(0, 6));
            assertNull(src.next(), "stays ended");
        }
    }

    @Test
    void noReconnectsReportsTheFirstLossAndACancelledWaitIsANormalEnd() {
        try (ReconnectingSource src = new ReconnectingSource(new Burst(1), () -> fail("no reopening"), 0, 0, null, null)) {
            assertNotNull(src.next());
            SourceLostException e = assertThrows(SourceLostException.class, src::next);
            assertEquals("tcp://cam lost after 1 frames (the server closed the stream); not reconnecting (--reconnect 0);"
                    + " check the camera or server, or allow reconnects with --reconnect N", e.getMessage());
            assertEquals(0, e.attempts());
        }
        AtomicBoolean stop = new AtomicBoolean();
        try (ReconnectingSource src = new ReconnectingSource(new Burst(1), () -> fail("cancelled first"), 5, 60_000, m -> stop.set(true), stop::get)) {
            assertNotNull(src.next());
            long t0 = System.nanoTime();
            assertNull(src.next(), "Ctrl-C while waiting to reconnect ends the run normally");
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "without waiting out the delay");
        }
    }
}
