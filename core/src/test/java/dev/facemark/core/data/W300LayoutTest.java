package dev.facemark.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The 300-W splits on a small tree that, unlike the shared one, has the challenging ibug/ set. */
class W300LayoutTest {
    @TempDir Path dir;

    private void faces(String folder, int n, String ext) throws IOException {
        Path d = Files.createDirectories(dir.resolve(folder));
        for (int i = 0; i < n; i++) {
            Files.writeString(d.resolve("f" + i + ".pts"), BadInputTest.pts(68));
            BadInputTest.image(d.resolve("f" + i + ext));
        }
    }

    @Test
    void fullRelease() throws IOException {
        faces("afw", 1, ".jpg");
        faces("helen/trainset", 2, ".jpg");
        faces("lfpw/trainset", 3, ".png");
        faces("helen/testset", 4, ".jpg");
        faces("lfpw/testset", 5, ".png");
        faces("ibug", 6, ".jpg");
        assertEquals(6, W300Dataset.load(dir, "train").size());
        assertEquals(9, W300Dataset.load(dir, "common").size());
        Dataset ch = W300Dataset.load(dir, "challenging");
        assertEquals(6, ch.size());
        assertEquals(java.util.Map.of("ibug", 6), ch.subsetCounts());
        Dataset full = W300Dataset.load(dir, "full");
        assertEquals(15, full.size());
        assertEquals(6, full.subset("ibug").size());
        FaceSample s = full.subset("lfpw/testset").get(0);
        assertTrue(s.image().toString().endsWith("f0.png"));
        assertEquals("lfpw/testset/f0", s.name());
        assertEquals(9f, s.points()[0], 1e-6f); // "10.000" 1-based -> 9
    }

    @Test
    void tooManyPointsAndNoClosingBrace() throws IOException {
        faces("afw", 1, ".jpg");
        Files.createDirectories(dir.resolve("helen/trainset"));
        Files.createDirectories(dir.resolve("lfpw/trainset"));
        Path f = dir.resolve("afw/f0.pts");
        Files.writeString(f, BadInputTest.pts(68).replace("}", "1 2\n}"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> W300Dataset.load(dir, "train"));
        assertEquals(f + ":72: expected 68 points, found more", e.getMessage());
        Files.writeString(f, BadInputTest.pts(68).replace("}", ""));
        assertTrue(assertThrows(DataFormatException.class, () -> W300Dataset.load(dir, "train")).getMessage().contains("no '}'"));
    }
}
