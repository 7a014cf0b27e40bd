package dev.facemark.core.data;

/** What a dataset reader does with a bad entry. */
public enum LoadMode {
    /** Stop at the first bad entry with a {@link DataFormatException}. */
    STRICT,
    /** Skip bad entries, record each problem in {@link Dataset#problems()}, and load the rest. */
    LENIENT
}
