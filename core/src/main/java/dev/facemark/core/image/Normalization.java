package dev.facemark.core.image;

/**
 * How crop pixels become model input values: {@code (pixel / 255 - mean[c]) / std[c]}, laid out
 * planar (NCHW). {@code channels} is 1 (grey, BT.601 luma as OpenCV computes it) or 3 (RGB order).
 */
public record Normalization(int channels, float[] mean, float[] std) {

    public static final Normalization GREY_UNIT = new Normalization(1, new float[] {0.5f}, new float[] {0.5f});
    public static final Normalization RGB_UNIT = new Normalization(3, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});

    public Normalization {
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        if (mean.length != channels || std.length != channels) throw new IllegalArgumentException("mean/std need " + channels + " values");
        for (float s : std) if (!(s > 0) || !Float.isFinite(s)) throw new IllegalArgumentException("std must be finite and > 0");
        for (float m : mean) if (!Float.isFinite(m)) throw new IllegalArgumentException("mean must be finite");
    }

    public float apply(int channel, int pixel) {
        return (pixel / 255f - mean[channel]) / std[channel];
    }

    /** Inverse of {@link #apply}, back to 0-255 (unclamped). */
    public float invert(int channel, float value) {
        return (value * std[channel] + mean[channel]) * 255f;
    }

    public String encodeMean() { return join(mean); }
    public String encodeStd() { return join(std); }

    private static String join(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) { if (i > 0) sb.append(','); sb.append(v[i]); }
        return sb.toString();
    }

    /** Parses comma-separated numbers as {@link #encodeMean()} writes them; IllegalArgumentException names a bad one. */
    public static float[] parse(String s) {
        String[] p = s.split(",");
        float[] v = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                v[i] = Float.parseFloat(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(dev.facemark.core.Snippet.quote(p[i]) + " is not a number");
            }
        }
        return v;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Normalization n && n.channels == channels
                && java.util.Arrays.equals(n.mean, mean) && java.util.Arrays.equals(n.std, std);
    }
    @Override public int hashCode() { return channels * 31 + java.util.Arrays.hashCode(mean) * 17 + java.util.Arrays.hashCode(std); }
}
