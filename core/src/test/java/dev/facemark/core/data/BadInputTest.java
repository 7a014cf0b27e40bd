package dev.facemark.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.*;

/** Bad dataset input: one clear line naming file and line; lenient loading skips it and loads the rest. */
class BadInputTest {
    @TempDir Path dir;

    static String pts(int n) {
        StringBuilder sb = new StringBuilder("version: 1\nn_points:  " + n + "\n{\n");
        for (int i = 0; i < n; i++) sb.append(String.format(Locale.ROOT, "%.3f %.3f%n", 10.0 + i, 20.0 + i));
        return sb.append("}\n").toString();
    }

    static void image(Path p) {
        try (var m = new org.bytedeco.opencv.opencv_core.Mat(40, 50, CV_8UC3, new org.bytedeco.opencv.opencv_core.Scalar(90, 90, 90, 0))) {
            assertTrue(imwrite(p.toString(), m));
        }
    }

    /** A 300-W tree with good faces a, b and whatever the test adds. */
    private Path tree() throws IOException {
        Path afw = Files.createDirectories(dir.resolve("300w/afw"));
        Files.createDirectories(dir.resolve("300w/helen/trainset"));
        Files.createDirectories(dir.resolve("300w/lfpw/trainset"));
        for (String n : new String[] {"a", "b"}) {
            Files.writeString(afw.resolve(n + ".pts"), pts(68));
            image(afw.resolve(n + ".png"));
        }
        return dir.resolve("300w");
    }

    private static void oneLine(RuntimeException e, String... parts) {
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        for (String p : parts) assertTrue(e.getMessage().contains(p), "message must contain '" + p + "': " + e.getMessage());
    }

    @Test
    void missingFolderIsNamed() {
        Path nowhere = dir.resolve("no-such-300w");
        oneLine(assertThrows(DataFormatException.class, () -> W300Dataset.load(nowhere, "train")), nowhere.toString(), "not found");
        oneLine(assertThrows(DataFormatException.class, () -> YtfDataset.load(nowhere, "train")), nowhere.toString(), "not found");
        // A 300-W root without one of the split's folders names that folder.
        assertDoesNotThrow(() -> Files.createDirectories(dir.resolve("partial/afw")));
        oneLine(assertThrows(DataFormatException.class, () -> W300Dataset.load(dir.resolve("partial"), "train")), "helen/trainset");
    }

    @Test
    void ptsWith67PointsNamesFileAndLine() throws IOException {
        Path root = tree();
        // Header says 68 but only 67 lines follow: the error is at the closing brace, line 71.
        String bad = pts(68).replaceFirst("(?s)\\{\\n[^\\n]*\\n", "{\n");
        Path f = root.resolve("afw/c.pts");
        Files.writeString(f, bad);
        image(root.resolve("afw/c.png"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> W300Dataset.load(root, "train"));
        oneLine(e, f.toString() + ":71", "expected 68 points, found 67");
        assertEquals(71, e.line());
        // Header that says 67.
        Files.writeString(f, pts(67));
        oneLine(assertThrows(DataFormatException.class, () -> W300Dataset.load(root, "train")), f + ":2", "n_points says 67");

        Dataset lenient = W300Dataset.load(root, "train", LoadMode.LENIENT, ImageCheck.EXISTS);
        assertEquals(2, lenient.size());
        assertEquals(1, lenient.problems().size());
        assertTrue(lenient.problems().get(0).startsWith(f + ":2: "), lenient.problems().get(0));
    }

    @Test
    void ptsWithGarbageAndMissingImage() throws IOException {
        Path root = tree();
        Path g = root.resolve("afw/g.pts");
        Files.writeString(g, pts(68).replace("15.000 25.000", "15.000 abc"));
        image(root.resolve("afw/g.png"));
        oneLine(assertThrows(DataFormatException.class, () -> W300Dataset.load(root, "train")), g + ":9", "not a number");
        Files.delete(g);
        Path lone = root.resolve("afw/lone.pts");
        Files.writeString(lone, pts(68));
        oneLine(assertThrows(DataFormatException.class, () -> W300Dataset.load(root, "train")), lone.toString(), "no image");
    }

    @Test
    void csvRowWith135NumbersNamesFileAndLine() throws IOException {
        Path ytf = Files.createDirectories(dir.resolve("ytf"));
        Files.createDirectories(ytf.resolve("train"));
        StringBuilder csv = new StringBuilder(",header\n");
        for (int r = 0; r < 4; r++) {
            String name = "P_Q_" + r + "1.jpg";
            image(ytf.resolve("train/" + name));
            csv.append(name);
            int n = r == 2 ? 135 : 136;
            for (int i = 0; i < n; i++) csv.append(',').append(i % 40);
            csv.append('\n');
        }
        Files.writeString(ytf.resolve("train.csv"), csv);
        Path f = ytf.resolve("train.csv");
        DataFormatException e = assertThrows(DataFormatException.class, () -> YtfDataset.load(ytf, "train"));
        oneLine(e, f + ":4", "found 135 numbers");
        Dataset lenient = YtfDataset.load(ytf, "train", LoadMode.LENIENT, ImageCheck.EXISTS);
        assertEquals(3, lenient.size());
        assertEquals(java.util.List.of(e.getMessage()), lenient.problems());
    }

    @Test
    void imageThatDoesNotDecodeIsNamed() throws IOException {
        Path root = tree();
        Path broken = root.resolve("afw/broken.jpg");
        Files.writeString(broken, "this is not a JPEG");
        Files.writeString(root.resolve("afw/broken.pts"), pts(68));
        // Existence check passes; decoding fails and names the image.
        assertEquals(3, W300Dataset.load(root, "train", LoadMode.STRICT, ImageCheck.EXISTS).size());
        oneLine(assertThrows(DataFormatException.class, () -> W300Dataset.load(root, "train", LoadMode.STRICT, ImageCheck.DECODE)),
                broken.toString(), "does not decode");
        Dataset lenient = W300Dataset.load(root, "train", LoadMode.LENIENT, ImageCheck.DECODE);
        assertEquals(2, lenient.size());
        assertTrue(lenient.problems().get(0).contains("broken.jpg"));
        oneLine(assertThrows(DataFormatException.class, () -> ImageLoader.readColor(broken)), broken.toString());
        oneLine(assertThrows(DataFormatException.class, () -> ImageLoader.readColor(root.resolve("afw/none.png"))), "not found");
    }
}
