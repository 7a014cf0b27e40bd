package dev.facemark.core.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.facemark.core.FuzzSupport;

import java.nio.file.Path;
import java.util.List;

/**
 * Tracker landmark files read back (JSON Lines): records, or a clean {@link LandmarkFileException}
 * naming the file; whatever is read is written again and reads back equal.
 */
class LandmarkJsonlFuzzTest {
    @FuzzTest
    void jsonl(byte[] data) {
        Path f = FuzzSupport.write("faces.jsonl", data);
        FuzzSupport.expectCleanOrSuccess(LandmarkFileException.class, f.toString(), () -> roundTrip(LandmarkReader.read(f), "again.jsonl", 0));
    }

    /** Writes {@code records} with the writer for {@code name} and checks that they read back equal. */
    static void roundTrip(List<LandmarkRecord> records, String name, int points) {
        Path again = FuzzSupport.scratch().resolve(name);
        try (LandmarkWriter w = LandmarkWriter.open(again, Math.max(points, 1))) {
            for (LandmarkRecord r : records) w.write(r);
        }
        List<LandmarkRecord> back;
        try {
            back = LandmarkReader.read(again);
        } catch (LandmarkFileException e) {
            throw new AssertionError("the reader refuses what the writer wrote from records it read: " + e.getMessage(), e);
        }
        if (!back.equals(records)) throw new AssertionError("read " + records + ", wrote them, read back " + back);
    }
}
