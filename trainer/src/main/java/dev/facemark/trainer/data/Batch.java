package dev.facemark.trainer.data;

/**
 * A reusable block of model inputs (CHW per sample, back to back) and target points (interleaved
 * input pixels). Buffers are allocated once at the largest batch size and refilled, never regrown.
 */
public final class Batch {
    private final float[] pixels;
    private final float[] targets;
    private final int[] sampleIndex;
    private final float[] normaliser;
    private final int sampleValues, pointValues;
    private int size;

    public Batch(int capacity, int sampleValues, int pointValues) {
        this.pixels = new float[capacity * sampleValues];
        this.targets = new float[capacity * pointValues];
        this.sampleIndex = new int[capacity];
        this.normaliser = new float[capacity];
        this.sampleValues = sampleValues;
        this.pointValues = pointValues;
    }

    public float[] pixels() { return pixels; }
    public float[] targets() { return targets; }
    /** Index into the pipeline's sample list of each row. */
    public int[] sampleIndex() { return sampleIndex; }
    /** Inter-ocular distance of each row's ground truth in input pixels (NME denominator). */
    public float[] normaliser() { return normaliser; }
    public int size() { return size; }
    public int capacity() { return sampleIndex.length; }
    public int sampleValues() { return sampleValues; }
    public int pointValues() { return pointValues; }
    void setSize(int size) { this.size = size; }
}
