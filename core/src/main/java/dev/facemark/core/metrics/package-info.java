/**
 * Landmark accuracy as the 300-W literature reports it: point-to-point errors
 * ({@link dev.facemark.core.metrics.LandmarkErrors}) divided by a face size measured on the ground truth
 * ({@link dev.facemark.core.metrics.Normalizer}: inter-ocular or inter-pupil), accumulated face by face by
 * an {@link dev.facemark.core.metrics.Evaluator} into an {@link dev.facemark.core.metrics.EvaluationReport}
 * (NME, AUC and failure rate at 0.08 and 0.10, per point and per subset) with its
 * {@link dev.facemark.core.metrics.CedCurve}. Errors are fractions of the normalising distance, never
 * percent. The trainer's validation and evaluation and the tracker's motion scoring all use these, so their
 * numbers mean the same.
 */
package dev.facemark.core.metrics;
