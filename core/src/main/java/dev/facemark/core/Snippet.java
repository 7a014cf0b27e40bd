package dev.facemark.core;

/**
 * Pieces of a user's file quoted inside a one-line error message: control characters (a stray
 * newline, tab, NUL, ...) are escaped and long text is cut, so that a message stays one short
 * printable line whatever the file holds.
 */
public final class Snippet {
    private Snippet() {}

    /** Longest piece of input quoted by {@link #quote}. */
    public static final int MAX_QUOTE = 60;
    /** Longest foreign message (a parser's, a runtime's) kept by {@link #clean}. */
    public static final int MAX_MESSAGE = 300;

    /** {@code 'text'} with control characters escaped, cut after {@value #MAX_QUOTE} characters. */
    public static String quote(String text) {
        return "'" + escape(text, MAX_QUOTE) + "'";
    }

    /** Longest path kept whole by {@link #path}; longer ones keep their start and end. */
    public static final int MAX_PATH = 200;

    /**
     * A file path as printed in messages: unchanged when it is printable and at most
     * {@value #MAX_PATH} characters (the usual case), else escaped and cut in the middle. Paths
     * can come from a file's content (an image name in a CSV or XML).
     */
    public static String path(Object path) {
        String s = String.valueOf(path);
        String e = escape(s, Integer.MAX_VALUE);
        if (e.length() <= MAX_PATH) return e;
        int keep = MAX_PATH / 2 - 2;
        return e.substring(0, keep) + "..." + e.substring(e.length() - keep);
    }

    /** A foreign message as one printable line of at most {@value #MAX_MESSAGE} characters. */
    public static String clean(String message) {
        return escape(message == null ? "" : message.strip(), MAX_MESSAGE);
    }

    /** {@code text} with control characters escaped; when that is over {@code max} characters, its start and "...". */
    private static String escape(String text, int max) {
        if (text == null) return "null";
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (sb.length() >= max) {
                sb.setLength(max);
                if (Character.isHighSurrogate(sb.charAt(max - 1))) sb.setLength(max - 1);
                return sb.append("...").toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
