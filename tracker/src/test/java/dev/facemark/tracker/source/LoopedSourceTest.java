package dev.facemark.tracker.source;

import dev.facemark.tracker.TestFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passes of a real video played back to back read as one video: frame numbers and times never repeat. */
class LoopedSourceTest {
    @Test
    void passesContinueFrameNumbersAndTimes() {
        long single = 0;
        try (FrameSource once = new VideoFileSource(TestFiles.video())) {
            while (once.next() != null) single++;
        }
        int[] opened = {0};
        try (LoopedSource src = new LoopedSource(() -> { opened[0]++; return new VideoFileSource(TestFiles.video()); }, 3)) {
            long n = 0;
            double lastTime = -1;
            SourceFrame f;
            while ((f = src.next()) != null) {
                assertEquals(n, f.index(), "frame numbers keep counting across passes");
                assertTrue(f.timeMs() > lastTime, "media time keeps rising at frame " + n);
                lastTime = f.timeMs();
                n++;
            }
            assertEquals(3 * single, n, "three passes");
            assertEquals(3, opened[0]);
            assertEquals(3, src.pass());
            assertNull(src.next(), "stays at the end");
        }
        assertThrows(IllegalArgumentException.class, () -> new LoopedSource(() -> null, 0));
    }
}
