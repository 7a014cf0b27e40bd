package dev.facemark.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every fuzz target asserts: a reader either accepts the input or throws its own documented
 * exception type with a clean message (non-empty, one printable line, bounded, naming the file or
 * model). Any other throwable (NumberFormatException, IndexOutOfBounds, NullPointerException, XML
 * parser internals, OutOfMemoryError, StackOverflowError ...) escapes the target and is a finding.
 *
 * <p>Inputs are written to files in one scratch folder per JVM (the readers take paths), reused
 * across executions and deleted when the JVM exits.
 */
public final class FuzzSupport {
    private FuzzSupport() {}

    /** Longest message a reader may produce: a path, what is wrong, and short quotes of the input. */
    public static final int MAX_MESSAGE = 1000;

    private static Path scratch;

    /** The scratch folder (created on first use, removed at exit). */
    public static synchronized Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("facemark-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = scratch;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        }
        return scratch;
    }

    /** Writes {@code data} to {@code name} in the scratch folder (replacing it) and returns the path. */
    public static Path write(String name, byte[] data) {
        Path f = scratch().resolve(name);
        try {
            Files.write(f, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /**
     * Runs {@code reader}; an exception of type {@code allowed} must carry a clean message that
     * contains {@code mustName}; anything else propagates to the fuzzer.
     */
    public static <T extends RuntimeException> void expectCleanOrSuccess(Class<T> allowed, String mustName, Runnable reader) {
        try {
            reader.run();
        } catch (RuntimeException e) {
            if (!allowed.isInstance(e)) throw e;
            assertCleanMessage(e.getMessage(), mustName);
        }
    }

    /** Fails unless {@code message} is one non-empty printable line of bounded length containing {@code mustName}. */
    public static void assertCleanMessage(String message, String mustName) {
        if (message == null || message.isBlank()) throw new AssertionError("empty error message");
        if (message.length() > MAX_MESSAGE) {
            throw new AssertionError("error message of " + message.length() + " characters: " + message.substring(0, 200) + "...");
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new AssertionError("error message has control character U+" + String.format("%04X", (int) c)
                        + " at " + i + ": " + message.replaceAll("\\p{Cntrl}", "?"));
            }
        }
        if (mustName != null && !message.contains(mustName)) {
            throw new AssertionError("error message does not name " + mustName + ": " + message);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
