package dev.facemark.trainer.eval;

/**
 * One evaluated face: its name, subset, inter-ocular NME, and predicted and true points (source pixels).
 * {@code detected} is false when the detector missed it and the ground-truth box was used instead.
 */
public record FaceResult(String name, String subset, String image, double nme, float[] predicted, float[] truth,
                         boolean detected) { }
