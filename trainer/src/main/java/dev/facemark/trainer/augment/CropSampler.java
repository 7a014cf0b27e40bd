package dev.facemark.trainer.augment;

import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;

import java.util.SplittableRandom;

/**
 * Draws the crop of one training sample: the reference box (ground-truth landmark box, sometimes
 * jittered like the previous frame's landmark box the tracker would use), the box policy's random
 * enlargement, and random rotation, shift and scale, all as one {@link CropTransform}.
 */
public final class CropSampler {
    private final BoxPolicy policy;
    private final AugmentConfig cfg;
    private final int width, height;

    public CropSampler(BoxPolicy policy, AugmentConfig cfg, int width, int height) {
        this.policy = policy;
        this.cfg = cfg;
        this.width = width;
        this.height = height;
    }

    /** The test / tracking crop of a reference box: fixed enlargement, no rotation. */
    public CropTransform testCrop(FaceBox ref) {
        return policy.testCrop(ref, 0f, width, height);
    }

    /** A random training crop around a reference box. */
    public CropTransform trainCrop(FaceBox ref, SplittableRandom rng) {
        float size = Math.max(ref.w(), ref.h());
        float cx = ref.cx(), cy = ref.cy(), w = ref.w(), h = ref.h();
        if (cfg.trackJitter() > 0 && rng.nextDouble() < 0.5) {
            // The tracker crops around the previous frame's points: a box that is slightly off in place and size.
            cx += (float) (gauss(rng) * cfg.trackJitter() * size);
            cy += (float) (gauss(rng) * cfg.trackJitter() * size);
            float s = (float) Math.exp(gauss(rng) * cfg.trackJitter());
            w *= s;
            h *= s;
        }
        cx += uniform(rng, cfg.maxShift()) * size;
        cy += uniform(rng, cfg.maxShift()) * size;
        float scale = (float) Math.exp(uniform(rng, cfg.maxScale()));
        FaceBox box = FaceBox.ofCentre(cx, cy, w * scale, h * scale);
        float enlarge = policy.trainEnlarge(rng.nextDouble());
        float angle = uniform(rng, cfg.maxRotation());
        CropTransform crop = policy.crop(box, enlarge, angle, width, height);
        float shear = uniform(rng, cfg.maxShear());
        return shear == 0f ? crop : crop.withShear(shear);
    }

    static float uniform(SplittableRandom rng, float max) {
        return max <= 0 ? 0f : (float) ((rng.nextDouble() * 2 - 1) * max);
    }

    static double gauss(SplittableRandom rng) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-12))) * Math.cos(2 * Math.PI * u2);
    }
}
