package dev.facemark.trainer.cli;

import dev.facemark.trainer.BadInputException;

/** A mistake on the command line the user can fix (a bad option value): printed as one line, no stack trace. */
public class UserException extends BadInputException {
    public UserException(String message) { super(message); }
    public UserException(String message, Throwable cause) { super(message, cause); }
}
