package dev.facemark.core.model;

/** What a landmark model's outputs are. */
public enum OutputKind {
    /** One output {@code landmarks} [N, P, 2]: coordinates in the model's input pixel space. */
    COORDINATES,
    /** {@code landmarks} [N, P, 2] from soft-argmax, plus {@code heatmaps} [N, P, h, w] (softmax over each map's pixels). */
    HEATMAPS
}
