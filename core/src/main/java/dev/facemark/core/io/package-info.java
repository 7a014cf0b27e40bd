/**
 * Landmark files, the tracker's output format: JSON Lines ({@link dev.facemark.core.io.LandmarkJsonlWriter})
 * and CSV ({@link dev.facemark.core.io.LandmarkCsvWriter}) behind
 * {@link dev.facemark.core.io.LandmarkWriter}, read back by {@link dev.facemark.core.io.LandmarkReader}, and
 * OpenFace 2.2's CSV layout ({@link dev.facemark.core.io.OpenFaceCsvWriter}). Every line is flushed as it is
 * written, so a run that dies keeps every frame before it, and a failure is one
 * {@link dev.facemark.core.io.LandmarkFileException} naming the file. Frames arrive as plain
 * {@link dev.facemark.core.io.LandmarkRecord} values, so that core does not depend on the tracker's own face
 * types.
 */
package dev.facemark.core.io;
