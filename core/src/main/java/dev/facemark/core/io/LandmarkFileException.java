package dev.facemark.core.io;

import java.nio.file.Path;

/** A landmark file that cannot be written or read; the one-line message names the path (and line). */
public class LandmarkFileException extends RuntimeException {
    private final Path path;

    public LandmarkFileException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    public LandmarkFileException(Path path, String message) { this(path, message, null); }

    public Path path() { return path; }
}
