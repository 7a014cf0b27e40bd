package dev.facemark.core.data;

import dev.facemark.core.Snippet;

import java.nio.file.Path;

/**
 * Bad dataset input. The message is one line that names the file (and line, when there is one)
 * and what is wrong, e.g. {@code data/afw/1.pts:70: expected 68 points, found 67}.
 */
public class DataFormatException extends RuntimeException {
    private final Path file;
    private final int line;

    /** @param line 1-based line number, or 0 when the problem is not on one line */
    public DataFormatException(Path file, int line, String message) {
        super(location(file, line) + ": " + message);
        this.file = file;
        this.line = line;
    }

    public DataFormatException(Path file, int line, String message, Throwable cause) {
        super(location(file, line) + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }
    public int line() { return line; }

    /** {@code file:line}, the path printable and of bounded length ({@link Snippet#path}). */
    static String location(Path file, int line) {
        return line > 0 ? Snippet.path(file) + ":" + line : Snippet.path(file);
    }
}
