package dev.facemark.trainer.cli;

/** A mistake the user can fix (missing folder, bad option): printed as one line, no stack trace. */
public class UserException extends RuntimeException {
    public UserException(String message) { super(message); }
    public UserException(String message, Throwable cause) { super(message, cause); }
}
