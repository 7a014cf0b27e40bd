package dev.facemark.tracker.cli;

import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.source.FrameSource;
import dev.facemark.tracker.source.SourceOptions;
import dev.facemark.tracker.source.Sources;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * Network timeout and reconnects for live inputs (stream URLs, cameras), as a picocli mixin:
 * {@code @Mixin StreamOptions stream = new StreamOptions();} then {@link #open}. A live source
 * that is lost and not back after the reconnects ends the run with exit code
 * {@link TrackerCommand#EXIT_SOURCE_LOST}, its outputs complete.
 */
public final class StreamOptions {
    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "" + SourceOptions.DEFAULT_TIMEOUT_MS,
            description = "network streams: how long the server may stay silent, while connecting or streaming, before the stream"
                    + " counts as unreachable or lost (default: ${DEFAULT-VALUE})")
    long timeoutMs;

    @Option(names = "--reconnect", paramLabel = "N",
            description = "reopen a lost stream or camera up to N times before giving up with exit code 3 (default: "
                    + SourceOptions.DEFAULT_STREAM_RECONNECTS + " for stream URLs, 0 for cameras; files never)")
    Integer reconnect;

    @Option(names = "--reconnect-delay", paramLabel = "MS", defaultValue = "" + SourceOptions.DEFAULT_RECONNECT_DELAY_MS,
            description = "wait before each reconnect attempt (default: ${DEFAULT-VALUE})")
    long reconnectDelayMs;

    /**
     * @param err       reconnect notices go here as "tracker: ..." lines
     * @param cancelled true once the user asked to stop (e.g. {@code GracefulStop::requested}): a
     *                  reconnect wait then ends the run normally
     */
    public SourceOptions sourceOptions(PrintWriter err, BooleanSupplier cancelled) {
        try {
            return new SourceOptions(timeoutMs, reconnect, reconnectDelayMs, m -> {
                err.println("tracker: " + m);
                err.flush();
            }, cancelled);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Opens what the user typed ({@link Sources#open(String, int, int, double, SourceOptions)}) with these options. */
    public FrameSource open(String input, int width, int height, double fps, PrintWriter err, BooleanSupplier cancelled) {
        return Sources.open(input, width, height, fps, sourceOptions(err, cancelled));
    }
}
