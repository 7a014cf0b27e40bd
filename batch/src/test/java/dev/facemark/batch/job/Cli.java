package dev.facemark.batch.job;

import dev.facemark.batch.cli.BatchCommand;
import dev.facemark.tracker.cli.TrackerCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the batch or tracker command line, with what it printed. */
record Cli(int code, String out, String err) {
    static Cli batch(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int rc = BatchCommand.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Cli(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static Cli tracker(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int rc = TrackerCommand.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Cli(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** The lines the batch command printed about itself (Spark's own log lines aside). */
    java.util.List<String> batchLines() { return err.lines().filter(l -> l.startsWith("batch:")).toList(); }
}
