package dev.facemark.tracker.source;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How live sources are opened and kept: the network timeout, and how often and how patiently a
 * lost camera or stream is reopened. Files and images ignore all of it.
 *
 * @param timeoutMs        how long a network stream may stay silent, while connecting or while
 *                         streaming, before it counts as unreachable or lost
 * @param reconnects       reopen attempts after a live source is lost; null for the default
 *                         ({@link #DEFAULT_STREAM_RECONNECTS} for stream URLs, 0 for cameras)
 * @param reconnectDelayMs wait before each attempt
 * @param notices          one line per event worth telling the user (source lost, attempt failed,
 *                         reconnected), without the "tracker: " prefix
 * @param cancelled        asked while waiting to reconnect: true (Ctrl-C) ends the run normally instead
 */
public record SourceOptions(long timeoutMs, Integer reconnects, long reconnectDelayMs, Consumer<String> notices, BooleanSupplier cancelled) {
    public static final long DEFAULT_TIMEOUT_MS = 5000;
    public static final int DEFAULT_STREAM_RECONNECTS = 3;
    public static final long DEFAULT_RECONNECT_DELAY_MS = 1000;
    public static final SourceOptions DEFAULT = new SourceOptions(DEFAULT_TIMEOUT_MS, null, DEFAULT_RECONNECT_DELAY_MS, null, null);

    public SourceOptions {
        if (timeoutMs <= 0) throw new IllegalArgumentException("--timeout must be > 0 ms, got " + timeoutMs);
        if (reconnects != null && reconnects < 0) throw new IllegalArgumentException("--reconnect must be >= 0, got " + reconnects);
        if (reconnectDelayMs < 0) throw new IllegalArgumentException("--reconnect-delay must be >= 0 ms, got " + reconnectDelayMs);
        if (notices == null) notices = m -> { };
        if (cancelled == null) cancelled = () -> false;
    }

    /** Reopen attempts for a stream URL (network) or a camera. */
    public int reconnectsFor(boolean network) {
        return reconnects != null ? reconnects : network ? DEFAULT_STREAM_RECONNECTS : 0;
    }
}
