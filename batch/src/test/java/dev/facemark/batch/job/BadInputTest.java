package dev.facemark.batch.job;

import dev.facemark.batch.cli.BatchCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Inputs, outputs and options the user can fix: exit 1 and one line naming the thing and what to do; never a stack trace. */
class BadInputTest {
    @TempDir Path dir;

    @BeforeAll
    static void spark() { Spark.session(); }

    void oneLine(String expected, String... args) {
        Cli r = Cli.batch(args);
        assertEquals(BatchCommand.EXIT_ERROR, r.code(), r.err());
        assertEquals(List.of(expected), r.err().lines().toList(), "exactly one line");
        for (String internal : List.of("Exception", "\tat ", "org.apache")) assertFalse(r.err().contains(internal), internal + " in: " + r.err());
    }

    @Test
    void missingFolderEmptyFolderAndGlobWithoutMatches() throws Exception {
        Path nope = dir.resolve("nope");
        String what = "give a folder of videos, a glob such as 'DIR/*.mp4', or a manifest (.txt or .csv, one video path or URI per line)";
        oneLine("batch: input " + nope + " does not exist; " + what, "--input", nope.toString(), "--output", dir.resolve("o").toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no videos here");
        Cli r = Cli.batch("--input", empty.toString(), "--output", dir.resolve("o").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("batch: folder " + empty + " has no video files (looked for .3gp, .avi,"), r.err());
        oneLine("batch: --input " + empty + "/*.mp4 matches no file; check the pattern", "--input", empty + "/*.mp4", "--output", dir.resolve("o").toString());
    }

    @Test
    void unreadableOrEmptyManifests() throws Exception {
        Path binary = Files.write(dir.resolve("videos.txt"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'});
        oneLine("batch: manifest " + binary + " is not UTF-8 text; give a text file with one video path or URI per line",
                "--input", binary.toString(), "--output", dir.resolve("o").toString());
        Path nul = Files.write(dir.resolve("nul.lst"), new byte[] {'a', 0, 'b', '\n'});
        oneLine("batch: manifest " + nul + " is not text (it holds NUL bytes); give a text file with one video path or URI per line",
                "--input", nul.toString(), "--output", dir.resolve("o").toString());
        Path comments = Files.writeString(dir.resolve("empty.txt"), "# nothing yet\n\n");
        oneLine("batch: manifest " + comments + " lists no videos; give one video path or URI per line",
                "--input", comments.toString(), "--output", dir.resolve("o").toString());
        Path csv = Files.writeString(dir.resolve("list.csv"), "label,path\nx,a.mp4\n\ny\n");
        oneLine("batch: manifest " + csv + ", line 4 has no column 2: 'y'", "--input", csv.toString(), "--output", dir.resolve("o").toString());
    }

    @Test
    void outputThatIsAFileAndABadModel() throws Exception {
        Path video = Clips.sample();
        Path file = Files.writeString(dir.resolve("out.txt"), "x");
        oneLine("batch: --output " + file + " is a file; give a folder (it is created when missing)", "--input", video.toString(), "--output", file.toString());
        Path under = file.resolve("sub");
        oneLine("batch: --output " + under + ": " + file + " is a file, not a folder; give a folder", "--input", video.toString(), "--output", under.toString());
        Cli m = Cli.batch("--input", video.toString(), "--output", dir.resolve("o").toString(), "--model", dir.resolve("none.onnx").toString());
        assertEquals(1, m.code());
        assertEquals(1, m.err().lines().count(), m.err());
        assertTrue(m.err().startsWith("batch: ") && m.err().contains("none.onnx") && m.err().contains("does not exist"), m.err());
        Cli usage = Cli.batch("--input", video.toString());
        assertEquals(BatchCommand.EXIT_USAGE, usage.code());
        assertTrue(usage.err().contains("--output"), usage.err());
    }
}
