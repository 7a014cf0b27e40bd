package dev.facemark.trainer.model;

/** One selectable network design: a name, its default size, and how to lay it out for a config. */
public interface Architecture {
    String name();

    String description();

    /** The size this architecture is meant to run at (input, channels, points, options). */
    ArchConfig defaults();

    /** The layer layout for a config; throws {@link IllegalArgumentException} naming what does not fit. */
    NetSpec spec(ArchConfig config);
}
