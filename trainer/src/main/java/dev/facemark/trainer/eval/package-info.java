/**
 * Accuracy of an exported model through core's runtime: the evaluation data ({@link
 * dev.facemark.trainer.eval.EvalData}), where crops come from ({@link dev.facemark.trainer.eval.BoxMode}:
 * ground-truth boxes, or a core {@link dev.facemark.core.detect.FaceDetector}'s calibrated boxes),
 * the run itself ({@link dev.facemark.trainer.eval.ModelEvaluation}) and per-face results. Inputs
 * the user can fix are {@link dev.facemark.trainer.BadInputException}s, never the CLI's own exception.
 */
package dev.facemark.trainer.eval;
