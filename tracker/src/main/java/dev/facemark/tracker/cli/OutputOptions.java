package dev.facemark.tracker.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where results go and whether to show timings. */
public final class OutputOptions {
    @Option(names = "--landmarks", paramLabel = "OUT.jsonl|OUT.csv", description = "write landmarks per frame (JSON Lines, or CSV by extension)")
    Path landmarks;

    @Option(names = "--output", paramLabel = "OUT", description = "annotated output (video: OUT.mp4; image: OUT.png, or a folder for an image folder)")
    Path output;

    @Option(names = "--profile", description = "print per-stage timings (p50/p99) at the end")
    boolean profile;
}
