package dev.facemark.tracker.output;

/** An output file that cannot be written; the message is one line naming it and what to do. */
public class OutputException extends RuntimeException {
    public OutputException(String message) { super(message); }
    public OutputException(String message, Throwable cause) { super(message, cause); }
}
