package dev.facemark.core.points;

/** A named run of points in a scheme; {@code closed} joins the last point back to the first when drawn. */
public record PointGroup(String name, int[] indices, boolean closed) {
    public static PointGroup range(String name, int from, int toInclusive, boolean closed) {
        int[] idx = new int[toInclusive - from + 1];
        for (int i = 0; i < idx.length; i++) idx[i] = from + i;
        return new PointGroup(name, idx, closed);
    }

    public boolean contains(int point) {
        for (int i : indices) if (i == point) return true;
        return false;
    }
}
