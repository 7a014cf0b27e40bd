package dev.facemark.tracker.source;

/** A frame source that cannot be opened or stopped delivering; the message is one line naming it and what to do. */
public class SourceException extends RuntimeException {
    private final String reason;

    public SourceException(String message) { this(message, (String) null); }
    public SourceException(String message, Throwable cause) { super(message, cause); this.reason = null; }

    /**
     * @param reason the cause in a few words, without the source's name or advice ("connection
     *               refused"), for messages that tell the story of several failures
     */
    public SourceException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    /** The cause in a few words when known, else the whole message. */
    public String reason() { return reason != null ? reason : getMessage(); }
}
