package dev.facemark.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes tracker output, one frame per call. Every frame is flushed to the file before
 * {@link #write} returns, so a crash loses nothing written so far.
 */
public interface LandmarkWriter extends AutoCloseable {

    void write(LandmarkRecord record);

    /** The file being written. */
    Path path();

    @Override void close();

    /** Opens a writer by file extension: {@code .csv} for CSV, anything else JSON Lines. */
    static LandmarkWriter open(Path file, int points) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".csv") ? new LandmarkCsvWriter(file, points) : new LandmarkJsonlWriter(file);
    }

    /** Opens {@code file} for writing (truncating it) with a one-line error naming the path. */
    static BufferedWriter openFile(Path file) {
        if (Files.isDirectory(file)) throw new LandmarkFileException(file, "cannot write landmarks to " + file + ": it is a folder");
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LandmarkFileException(file, "cannot write landmarks to " + file + ": folder "
                    + file.toAbsolutePath().getParent() + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new LandmarkFileException(file, "cannot write landmarks to " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new LandmarkFileException(file, "cannot write landmarks to " + file + ": " + e.getMessage(), e);
        }
    }
}
