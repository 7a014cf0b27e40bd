package dev.facemark.trainer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User mistakes on {@code trainer train} end in one clear line and a non-zero exit, never a stack trace. */
class TrainCommandErrorsTest {
    @TempDir Path tmp;

    static void oneLine(CliRunner.Result r, int exit, String... mentions) {
        assertEquals(exit, r.exit(), r.err());
        for (String m : mentions) assertTrue(r.err().contains(m), "message should name '" + m + "': " + r.err());
        assertTrue(!r.err().contains("\tat ") && !r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void missingDataFolder() {
        oneLine(CliRunner.run("train", "--arch", "fast", "--data-root", tmp.resolve("nothing").toString(), "--out",
                tmp.resolve("run").toString()), 1, "data folder not found", "nothing");
    }

    @Test
    void unknownArchitectureAndDataset() {
        oneLine(CliRunner.run("train", "--arch", "vgg", "--data-root", tmp.toString(), "--out", tmp.resolve("r").toString()),
                1, "vgg");
        oneLine(CliRunner.run("train", "--arch", "fast", "--data", "celeba", "--out", tmp.resolve("r").toString()), 1, "celeba");
    }

    @Test
    void badOptions() {
        oneLine(CliRunner.run("train", "--arch", "fast", "--optimizer", "sgd", "--out", tmp.toString()), 1, "--optimizer");
        oneLine(CliRunner.run("train", "--arch", "fast", "--input-size", "big", "--out", tmp.toString()), 1, "--input-size");
        oneLine(CliRunner.run("train", "--arch", "fast", "--epochs", "many", "--out", tmp.toString()), 2, "--epochs");
        oneLine(CliRunner.run("train", "--out", tmp.resolve("fresh").toString()), 1, "--arch");
        oneLine(CliRunner.run("train", "--arch", "fast", "--teacher", tmp.resolve("teacher.onnx").toString(), "--out", tmp.toString()),
                1, "teacher.onnx");
        oneLine(CliRunner.run("train", "--arch", "fast", "--teacher-option", "width=1.5", "--out", tmp.toString()), 1, "--teacher");
        oneLine(CliRunner.run("train", "--arch", "fast", "--distill", "-1", "--out", tmp.toString()), 1, "--distill");
    }

    @Test
    void helpListsCommands() {
        CliRunner.Result r = CliRunner.run("--help");
        assertEquals(0, r.exit());
        for (String c : new String[] {"train", "eval", "export"}) assertTrue(r.out().contains(c), r.out());
    }
}
