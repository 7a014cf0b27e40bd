package dev.facemark.trainer;

/**
 * An input the user can fix (a missing data folder, an unknown dataset, a setting that cannot work), thrown
 * by domain code; the command line prints its message as one line, without a stack trace.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) { super(message); }
    public BadInputException(String message, Throwable cause) { super(message, cause); }
}
