package dev.facemark.trainer.augment;

/**
 * How strongly training crops are perturbed. Geometry (rotation, shift, scale, shear, box jitter)
 * is composed into the crop's affine so each sample is resampled once; photometric changes act on
 * the cropped pixels.
 *
 * @param maxRotation   largest in-plane rotation, radians (uniform in +-)
 * @param maxShift      largest crop-centre shift, fraction of the reference box size (uniform in +-)
 * @param maxScale      largest extra log-scale of the crop (uniform in +-), on top of the box policy's enlargement
 * @param maxShear      largest horizontal shear factor (uniform in +-)
 * @param mirror        probability of a horizontal mirror (with the scheme's left/right permutation)
 * @param trackJitter   std of the "previous-frame" box jitter: centre shift and log-size, fraction of box size
 * @param brightness    largest brightness offset (+-, in [0,1] intensity units)
 * @param contrast      largest contrast change (factor in [1-c, 1+c])
 * @param gamma         largest log-gamma change (gamma = exp(+-g))
 * @param blur          probability of a Gaussian blur (sigma uniform in [0.3, 1.5] input pixels)
 * @param noise         largest std of additive Gaussian noise (uniform in [0, noise])
 * @param motionBlur    probability of a motion blur (0 by default: 0.2 did not help {@code fast}, docs/TRAINING.md): a straight streak of {@link Photometric#MOTION_BLUR_MIN}-{@link
 *                      Photometric#MOTION_BLUR_MAX} input pixels in any direction, what a webcam's exposure makes of a
 *                      fast head move (the tracker's motion clips blur over half a frame's move, up to 10 input pixels)
 * @param occlusion     probability of one occluding patch ({@link Occlusion}; 0 by default)
 * @param jpeg          probability of a JPEG round trip at low quality ({@link JpegArtifacts}; 0 by default)
 */
public record AugmentConfig(float maxRotation, float maxShift, float maxScale, float maxShear, float mirror,
                            float trackJitter, float brightness, float contrast, float gamma, float blur, float noise,
                            float motionBlur, float occlusion, float jpeg) {

    /** The training default: the seed study's rotations, shifts, shears and brightness, plus tracking-like jitter. */
    public static final AugmentConfig DEFAULT = new AugmentConfig(
            (float) Math.toRadians(20), 0.06f, 0.10f, 0.12f, 0.5f, 0.04f, 0.15f, 0.3f, 0.3f, 0.2f, 0.03f, 0f, 0f, 0f);

    /** No augmentation at all: the test-time crop. */
    public static final AugmentConfig NONE = new AugmentConfig(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The same with other probabilities of the opt-in degradations ({@code trainer train --motion-blur --occlusion --jpeg}). */
    public AugmentConfig withDegradations(float motionBlur, float occlusion, float jpeg) {
        return new AugmentConfig(maxRotation, maxShift, maxScale, maxShear, mirror, trackJitter, brightness, contrast, gamma, blur, noise,
                motionBlur, occlusion, jpeg);
    }

    public boolean photometric() {
        return brightness > 0 || contrast > 0 || gamma > 0 || blur > 0 || noise > 0 || motionBlur > 0;
    }
}
