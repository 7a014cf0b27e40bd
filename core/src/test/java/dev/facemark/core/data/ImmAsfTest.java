package dev.facemark.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class ImmAsfTest {
    @TempDir Path dir;

    /** An .asf in the IMM layout; point i at relative (0.2 + i/200, 0.3 + i/400). */
    static String asf(int n, String host) {
        StringBuilder sb = new StringBuilder("######################################################################\n"
                + "#\n#    AAM Shape File  -  written: Monday May 08 - 2000 [15:22]\n#\n"
                + "######################################################################\n\n#\n# number of model points\n#\n"
                + n + "\n\n#\n# model points\n#\n"
                + "# format: <path#> <type> <x rel.> <y rel.> <point#> <connects from> <connects to> <user1> <user2> <user3>\n#\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "%d\t0\t%.5f\t%.5f\t%d\t%d\t%d\t0.00\t0.00\t0.00%n",
                    i < 13 ? 0 : 1, 0.2 + i / 200.0, 0.3 + i / 400.0, i, Math.max(0, i - 1), Math.min(n - 1, i + 1)));
        }
        return sb.append("\n#\n# host image\n#\n").append(host).append('\n').toString();
    }

    @Test
    void relativeCoordinatesAreScaledByTheImageSize() throws IOException {
        Path f = dir.resolve("01-1m.asf");
        Files.writeString(f, asf(58, "01-1m.jpg"));
        BadInputTest.image(dir.resolve("01-1m.jpg")); // 50 x 40
        FaceSample s = ImmAsf.read(f, "imm");
        assertEquals(58, s.pointCount());
        assertEquals(0.2f * 50, s.points()[0], 1e-4f);
        assertEquals(0.3f * 40, s.points()[1], 1e-4f);
        assertEquals((0.2f + 57 / 200f) * 50, s.points()[114], 1e-3f);
        assertEquals((0.3f + 57 / 400f) * 40, s.points()[115], 1e-3f);
        assertEquals(dir.resolve("01-1m.jpg"), s.image());

        ImmAsf.Shape shape = ImmAsf.parse(f, 58);
        assertEquals("01-1m.jpg", shape.hostImage());
        assertEquals(1, shape.path()[13]);
        assertEquals(4, shape.from()[5]);
        assertEquals(6, shape.to()[5]);
        assertEquals(1, ImmAsf.load(dir, LoadMode.STRICT).size());
    }

    @Test
    void wrongCountsAndShortFilesAreNamed() throws IOException {
        Path f = dir.resolve("bad.asf");
        Files.writeString(f, asf(57, "x.jpg"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> ImmAsf.parse(f, 58));
        assertTrue(e.getMessage().startsWith(f + ":10: expected 58 points, file says 57"), e.getMessage());
        // Declares 58, lists 57: the host image line is taken as point 57 and rejected.
        Files.writeString(f, asf(57, "x.jpg").replaceFirst("\n57\n", "\n58\n"));
        e = assertThrows(DataFormatException.class, () -> ImmAsf.parse(f, 58));
        assertTrue(e.getMessage().contains("57 of 58 points read"), e.getMessage());
        // Missing host image file.
        Files.writeString(f, asf(58, "nothere.jpg"));
        assertTrue(assertThrows(DataFormatException.class, () -> ImmAsf.read(f, "imm")).getMessage().contains("nothere.jpg"));
        Dataset lenient = ImmAsf.load(dir, LoadMode.LENIENT);
        assertEquals(0, lenient.size());
        assertEquals(1, lenient.problems().size());
    }
}
