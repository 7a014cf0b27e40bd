package dev.facemark.trainer.augment;

import java.util.SplittableRandom;

/**
 * An occluding rectangle of a given area, aspect 1:2 to 2:1 (log-uniform), placed uniformly inside a region: one
 * sampler for the training occluders ({@link Occlusion}) and the evaluation's ({@code trainer eval --occlude}), so
 * that the patches a model is tested with have the shapes it was trained with.
 */
public record Patch(double x, double y, double w, double h) {
    /**
     * Draws the aspect, then the left and top edges (three values from {@code rng}, in that order). A patch wider or
     * taller than the region is cut to it.
     */
    public static Patch inside(double regionX, double regionY, double regionW, double regionH, double area, SplittableRandom rng) {
        double aspect = Math.exp((rng.nextDouble() * 2 - 1) * Math.log(2));
        double w = Math.min(regionW, Math.sqrt(area * aspect)), h = Math.min(regionH, area / w);
        return new Patch(regionX + rng.nextDouble() * (regionW - w), regionY + rng.nextDouble() * (regionH - h), w, h);
    }
}
