/**
 * Training-time augmentation: {@link dev.facemark.trainer.augment.CropSampler} draws each sample's crop (the
 * reference box, sometimes jittered like a previous frame's, the box policy's random enlargement, and random
 * rotation, shift, scale and shear, all as one {@link dev.facemark.core.geom.CropTransform});
 * {@link dev.facemark.trainer.augment.Augmenter} cuts it through core's
 * {@link dev.facemark.core.image.Cropper}, the tracker's own crop, with an optional mirror that applies the
 * scheme's left/right permutation; {@link dev.facemark.trainer.augment.Photometric} perturbs the normalised
 * pixels, and, when asked, {@link dev.facemark.trainer.augment.Occlusion} paints an occluder and
 * {@link dev.facemark.trainer.augment.JpegArtifacts} codes the crop as a low-quality JPEG (the JDK's codec).
 * {@link dev.facemark.trainer.augment.AugmentConfig} holds the strengths. OpenCV, the JDK and core only: no
 * DJL, and nothing from the rest of the trainer.
 */
package dev.facemark.trainer.augment;
