package dev.facemark.batch.job;

/** Something the user can fix before the job runs (an input, the output, an option): one line naming it and what to do. */
public class BatchException extends RuntimeException {
    public BatchException(String message) { super(message); }

    public BatchException(String message, Throwable cause) { super(message, cause); }
}
