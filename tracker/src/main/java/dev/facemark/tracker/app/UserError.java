package dev.facemark.tracker.app;

/** Something the user can fix (a missing model, a bad option); printed as one line, exit code 1. */
public class UserError extends RuntimeException {
    public UserError(String message) { super(message); }
}
