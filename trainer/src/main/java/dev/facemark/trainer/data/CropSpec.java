package dev.facemark.trainer.data;

import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.augment.AugmentConfig;
import dev.facemark.trainer.augment.Augmenter;

/** What every crop of a run looks like: scheme, input size, normalisation, box policy and augmentation. */
public record CropSpec(PointScheme scheme, int width, int height, Normalization normalization, BoxPolicy boxPolicy,
                       AugmentConfig augment) {

    public int sampleValues() { return normalization.channels() * width * height; }
    public int pointValues() { return 2 * scheme.count(); }

    /**
     * The target points of a 68-point annotation for this spec's scheme: all of them for iBUG-68, the
     * nose tip (iBUG 30) for the one-point scheme.
     */
    public float[] targetsOf(float[] ibug68) {
        if (scheme.count() * 2 == ibug68.length) return ibug68;
        if (scheme == PointScheme.NOSE_TIP) return new float[] {ibug68[2 * NOSE_TIP_INDEX], ibug68[2 * NOSE_TIP_INDEX + 1]};
        throw new IllegalArgumentException("cannot derive " + scheme + " targets from " + ibug68.length / 2 + " points");
    }

    static final int NOSE_TIP_INDEX = 30;

    public Augmenter newAugmenter() {
        return new Augmenter(boxPolicy, augment, normalization, scheme, width, height);
    }

    public CropSpec withAugment(AugmentConfig a) {
        return new CropSpec(scheme, width, height, normalization, boxPolicy, a);
    }
}
