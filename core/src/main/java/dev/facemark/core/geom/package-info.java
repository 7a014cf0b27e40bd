/**
 * Face geometry in the project's pixel-centre convention (0-based, the centre of the top-left pixel at
 * (0, 0)): face boxes ({@link dev.facemark.core.geom.FaceBox}), the policy that turns a reference box into
 * the square crop a model sees ({@link dev.facemark.core.geom.BoxPolicy}), per-detector box calibrations
 * ({@link dev.facemark.core.geom.DetectorCalibration}), the crop's affine map and its exact inverse
 * ({@link dev.facemark.core.geom.CropTransform}), the next frame's reference box from this frame's
 * landmarks, de-rotated by the eye line ({@link dev.facemark.core.geom.CropFromLandmarks}), and changes
 * between pixel grids ({@link dev.facemark.core.geom.PixelCentres}). One set of numbers for the trainer and
 * the tracker, stored in every exported model. Pure arithmetic: no OpenCV, and nothing from the project but
 * core's root.
 */
package dev.facemark.core.geom;
