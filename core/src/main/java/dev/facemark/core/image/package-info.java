/**
 * Crop pixels: {@link dev.facemark.core.image.Cropper}, the one warp that cuts a model input out of a source
 * image along a {@link dev.facemark.core.geom.CropTransform}, so that a training crop and a tracking crop
 * are the same crop by construction, and {@link dev.facemark.core.image.Normalization}, how crop pixels
 * become model input values (planar NCHW, grey or RGB). {@link dev.facemark.core.image.WarpTables} fills
 * OpenCV's interpolation tables once, before any concurrent warp, so that the first crops of a process
 * cannot differ from run to run.
 */
package dev.facemark.core.image;
