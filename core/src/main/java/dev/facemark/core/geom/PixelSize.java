package dev.facemark.core.geom;

/**
 * A width and a height in whole pixels, as options spell them: {@code WxH}, e.g. {@code 1280x720}.
 * Parsed here once, so that every option taking a size reads the same spellings and fails the same way.
 */
public record PixelSize(int width, int height) {
    public PixelSize {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("a size must be positive, got " + width + "x" + height);
    }

    public static PixelSize square(int side) { return new PixelSize(side, side); }

    /** {@code WxH} or {@code WXH}, spaces allowed around the numbers: {@code 1280x720}, {@code " 640 X 480 "}. */
    public static PixelSize parse(String text) {
        return parse(text, false);
    }

    /** As {@link #parse}, and also a lone {@code N} for a square {@code NxN} (an input size such as {@code 96}). */
    public static PixelSize parseSquareOrWxH(String text) {
        return parse(text, true);
    }

    private static PixelSize parse(String text, boolean squareToo) {
        String[] p = text == null ? new String[0] : text.strip().split("\\s*[xX]\\s*", -1);
        try {
            if (p.length == 2) return new PixelSize(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            if (p.length == 1 && squareToo) return square(Integer.parseInt(p[0]));
        } catch (IllegalArgumentException e) {
            // not a number, or not positive: the message below says what is expected
        }
        throw new IllegalArgumentException("'" + text + "' is not " + (squareToo ? "N or WIDTHxHEIGHT" : "WIDTHxHEIGHT")
                + " in pixels, e.g. " + (squareToo ? "96 or 80x60" : "1280x720"));
    }

    /** {@code WxH}, the form {@link #parse} reads. */
    @Override
    public String toString() { return width + "x" + height; }
}
