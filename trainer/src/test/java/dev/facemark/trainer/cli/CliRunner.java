package dev.facemark.trainer.cli;

import dev.facemark.trainer.TrainerMain;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the trainer CLI in-process and captures what it prints. */
final class CliRunner {
    record Result(int exit, String out, String err) { }

    private CliRunner() {}

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = TrainerMain.run(args);
            // JavaCPP may print its version notice once per JVM, before the CLI can route it to the logger.
            String e = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("Warning: Versions of org.bytedeco"))
                    .reduce("", (a, b) -> a + b + "\n");
            return new Result(code, out.toString(StandardCharsets.UTF_8), e);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
