package dev.facemark.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.facemark.core.FuzzSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The YouTube-Faces landmark CSV: each row a sample with 68 finite points, or a clean
 * {@link DataFormatException} naming the CSV (strict), or one clean problem line per skipped row (lenient).
 */
class YtfCsvFuzzTest {
    /** Rows may name this image, which exists, so that accepted rows are reached too. */
    static final String IMAGE = "Alice_Smith_1_1.jpg";

    @FuzzTest
    void csv(byte[] data) {
        Path csv = FuzzSupport.write("frames.csv", data);
        Path images = FuzzSupport.scratch();
        touch(images.resolve(IMAGE));
        String name = csv.toString();
        FuzzSupport.expectCleanOrSuccess(DataFormatException.class, name,
                () -> check(YtfDataset.loadCsv(csv, images, "ytf/fuzz", LoadMode.STRICT, ImageCheck.EXISTS), name));
        FuzzSupport.expectCleanOrSuccess(DataFormatException.class, name,
                () -> check(YtfDataset.loadCsv(csv, images, "ytf/fuzz", LoadMode.LENIENT, ImageCheck.NONE), name));
    }

    static void check(Dataset d, String file) {
        for (String p : d.problems()) FuzzSupport.assertCleanMessage(p, file);
        for (FaceSample s : d.samples()) {
            if (s.pointCount() != 68) throw new AssertionError(s + ": " + s.pointCount() + " points");
            for (float v : s.points()) if (!Float.isFinite(v)) throw new AssertionError(s + ": non-finite coordinate");
            if (s.name().isBlank()) throw new AssertionError("blank sample name");
        }
    }

    static void touch(Path f) {
        if (Files.exists(f)) return;
        try {
            Files.createFile(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
