package dev.facemark.tracker.source;

/** A frame source that cannot be opened or stopped delivering; the message is one line naming it and what to do. */
public class SourceException extends RuntimeException {
    public SourceException(String message) { super(message); }
    public SourceException(String message, Throwable cause) { super(message, cause); }
}
