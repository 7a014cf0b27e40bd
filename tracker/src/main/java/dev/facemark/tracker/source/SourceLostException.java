package dev.facemark.tracker.source;

/**
 * A live source (a camera, a network stream) that delivered frames and then stopped, and did not
 * come back within the reconnect attempts it was given. Everything before it was delivered; the
 * command line ends with its own exit code for this (see {@code TrackerCommand}).
 */
public class SourceLostException extends SourceException {
    private final long frames;
    private final int attempts;

    /** @param reason what happened in a few words ("the server closed the stream"), see {@link #reason()} */
    public SourceLostException(String message, String reason, long frames, int attempts) {
        super(message, reason);
        this.frames = frames;
        this.attempts = attempts;
    }

    /** Frames the source delivered before it was lost. */
    public long frames() { return frames; }

    /** Reconnect attempts made after the loss (0 when none were allowed). */
    public int attempts() { return attempts; }
}
