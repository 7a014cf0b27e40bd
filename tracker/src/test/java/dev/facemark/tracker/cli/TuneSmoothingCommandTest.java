package dev.facemark.tracker.cli;

import dev.facemark.tracker.CliRun;
import dev.facemark.tracker.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code tracker tune-smoothing} end to end on a tiny configuration: two training faces, 4.5 s clips, three candidates. */
class TuneSmoothingCommandTest {
    @TempDir Path tmp;

    @Test
    void recordsTrainingClipsOnceReplaysCandidatesAndPrintsTheTable() {
        Path data = TestFiles.shared().resolve("data/300w"), model = TestFiles.root().resolve("models/fast.onnx");
        assumeTrue(Files.isDirectory(data.resolve("afw")) && Files.isRegularFile(model) && Files.isRegularFile(TestFiles.yunet()),
                "needs ../shared/data/300w, models/fast.onnx and the YuNet model");
        Path cache = tmp.resolve("raw.rec");
        String[] args = {"tune-smoothing", "--data", data.toString(), "--model", model.toString(), "--detector", "yunet:" + TestFiles.yunet(),
                "--faces", "2", "--script", "short", "--cache", cache.toString(), "--candidate", "one-euro:1.5,4,1;velocity:5,20;default"};
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        List<String> clips = r.err().lines().filter(l -> l.startsWith("clip ")).toList();
        assertEquals(2, clips.size(), r.err());
        for (String c : clips) assertTrue(c.matches("clip \\d/2 (afw|helen/trainset|lfpw/trainset)/.*"), "training faces only: " + c);
        assertTrue(Files.isRegularFile(cache));
        String out = r.out();
        assertTrue(out.contains("clips: 2 training faces x 4.5 s"), out);
        assertTrue(out.contains("held-out 1 clips"), out);
        List<String> rows = out.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| smoothing")).toList();
        assertTrue(rows.get(0).startsWith("| off |") && rows.get(0).endsWith("| baseline |"), out);
        assertTrue(rows.stream().anyMatch(l -> l.contains("(default)")), out);
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("| one-euro:1.5,4,1 (before)")), out);
        assertTrue(rows.stream().anyMatch(l -> l.contains("(picked)")), out);
        for (String row : rows) {
            String[] cells = row.split("\\|", -1);
            assertEquals(13, cells.length, row);
            assertEquals("-", cells[3].strip(), "the short script has no smooth segment: " + row);
            assertTrue(Double.parseDouble(cells[4].strip()) > 0 && Double.parseDouble(cells[6].strip()) > 0, row);
        }

        // the second run replays the kept recording: same table, no clip lines
        CliRun again = CliRun.of(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("raw points from " + cache), again.err());
        assertEquals(out, again.out());
    }

    @Test
    void helpSaysWhatItMeasuresAndOnWhichFaces() {
        CliRun r = CliRun.of("tune-smoothing", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("training faces") && r.out().contains("% of the inter-ocular distance"), r.out());
        assertFalse((r.out() + r.err()).contains("WARN"), r.out() + r.err());
    }

    @Test
    void badOptionsAreOneLine() {
        CliRun r = CliRun.of("tune-smoothing", "--script", "long");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--script"), r.err());
        CliRun c = CliRun.of("tune-smoothing", "--candidate", "blur:1", "--faces", "1");
        assertEquals(1, c.code());
        assertTrue(c.err().contains("blur:1"), c.err());
    }
}
