/**
 * The model contract: everything a runtime must know to feed a landmark model and read its answer
 * ({@link dev.facemark.core.model.ModelContract}: point scheme, input size and normalisation, box policy,
 * detector calibrations, and what the outputs are, {@link dev.facemark.core.model.OutputKind}). The trainer
 * writes it into the ONNX file's {@code metadata_props} and the runtime reads it back, so that no
 * preprocessing constant lives in the tracker. A missing or malformed contract is a
 * {@link dev.facemark.core.model.ContractException} naming the key and the fix. Plain data over core's
 * {@code points}, {@code geom} and {@code image} types: no ONNX Runtime here.
 */
package dev.facemark.core.model;
