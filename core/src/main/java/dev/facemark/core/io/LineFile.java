package dev.facemark.core.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * THE line-at-a-time output of every landmark file (JSONL, CSV, OpenFace CSV): each line is flushed as
 * soon as it is written, so a run that dies keeps every frame before it, and a failure is one
 * {@link LandmarkFileException} naming the file.
 */
final class LineFile implements AutoCloseable {
    private final Writer out;
    private final Path path;
    private final String name;

    /** {@code name} names the output in messages; {@code path} may be null for a stream that is not a file. */
    LineFile(Writer out, Path path, String name) {
        this.out = out;
        this.path = path;
        this.name = name;
    }

    /** Writes {@code line} and a line end, and flushes. */
    void writeLine(CharSequence line) {
        try {
            out.append(line).append('\n');
            out.flush();
        } catch (IOException e) {
            throw new LandmarkFileException(path, "cannot write landmarks to " + name + ": " + e.getMessage(), e);
        }
    }

    /** Writes the row being built as one line and empties it for the next, also when the write fails. */
    void writeRow(StringBuilder row) {
        try {
            writeLine(row);
        } finally {
            row.setLength(0);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new LandmarkFileException(path, "cannot close " + name + ": " + e.getMessage(), e);
        }
    }
}
