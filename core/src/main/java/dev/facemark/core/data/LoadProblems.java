package dev.facemark.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what went wrong while loading: in {@link LoadMode#STRICT} the first problem is thrown,
 * in {@link LoadMode#LENIENT} each is recorded as "file:line: message" and the entry is skipped.
 */
final class LoadProblems {
    private final LoadMode mode;
    private final List<String> problems = new ArrayList<>();

    LoadProblems(LoadMode mode) { this.mode = mode; }

    /** Reports a bad entry: throws in strict mode, records it in lenient mode. */
    void report(DataFormatException e) {
        if (mode == LoadMode.STRICT) throw e;
        problems.add(e.getMessage());
    }

    List<String> list() { return List.copyOf(problems); }
}
