package dev.facemark.trainer.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The optimiser: Adam with L2 weight decay, or AdamW with decoupled weight decay. */
public enum AdamVariant {
    ADAM, ADAMW;

    /** Parses the command line's and config.json's spelling ("adam", "adamw", any case). */
    @JsonCreator
    public static AdamVariant parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "adam" -> ADAM;
            case "adamw" -> ADAMW;
            default -> throw new IllegalArgumentException("unknown optimizer '" + s + "'; use adam or adamw");
        };
    }

    /** True for AdamW: weight decay applied to the weights directly, not through the gradient. */
    public boolean decoupledWeightDecay() { return this == ADAMW; }

    @JsonValue
    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }
}
