package dev.facemark.core.geom;

/**
 * THE change of resolution between two pixel grids that cover the same extent, in the project's
 * pixel-centre convention (pixel centres at integers, the grid's edges at -0.5 and n - 0.5): heatmap
 * pixels to model-input pixels (the soft-argmax grid, the heatmap overlay), and back.
 */
public final class PixelCentres {
    private PixelCentres() {}

    /** Coordinate {@code c} on a grid {@code from} pixels wide, on a grid {@code to} pixels wide. */
    public static float map(float c, float from, float to) { return (c + 0.5f) * to / from - 0.5f; }
}
