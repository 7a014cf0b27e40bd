/**
 * The {@code core} module's root: the contract the trainer and the tracker share, kept in its subpackages
 * (point schemes, face geometry and crops, the model contract, the ONNX Runtime landmark model, datasets,
 * metrics, landmark files, face detection). The root itself holds only {@link dev.facemark.core.Snippet},
 * which quotes a piece of a user's file inside a one-line error message. Nothing in core imports from the
 * trainer, the tracker or batch: they depend on core, never the other way round.
 */
package dev.facemark.core;
