package dev.facemark.core.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.facemark.core.FuzzSupport;

import java.nio.file.Path;
import java.util.List;

/**
 * Tracker landmark files read back (CSV): records, or a clean {@link LandmarkFileException}
 * naming the file; whatever is read is written again and reads back equal.
 */
class LandmarkCsvFuzzTest {
    @FuzzTest
    void csv(byte[] data) {
        Path f = FuzzSupport.write("faces.csv", data);
        FuzzSupport.expectCleanOrSuccess(LandmarkFileException.class, f.toString(), () -> {
            List<LandmarkRecord> records = LandmarkReader.read(f);
            int points = records.stream().flatMap(r -> r.faces().stream()).mapToInt(LandmarkRecord.Face::points).max().orElse(0);
            LandmarkJsonlFuzzTest.roundTrip(records, "again.csv", points);
        });
    }
}
