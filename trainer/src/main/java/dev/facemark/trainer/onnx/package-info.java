/**
 * ONNX export and the tools that work on exported files: {@link dev.facemark.trainer.onnx.OnnxExporter}
 * writes a {@link dev.facemark.trainer.model.LandmarkNet} as an opset-17 graph, each block mapped from the
 * layer record it was built from, with the model contract in {@code metadata_props};
 * {@link dev.facemark.trainer.onnx.OnnxWeights} loads such weights back for a warm start
 * ({@code train --init}); {@link dev.facemark.trainer.onnx.HalfPrecision} stores the weights as float16
 * ({@code trainer half}); {@link dev.facemark.trainer.onnx.OnnxMetadata} sets one metadata entry and leaves
 * the graph byte for byte as it was. Graphs are built with the protobuf classes that ship in
 * {@code tribuo-util-onnx}, so the build needs no protoc and no Python; a block with no ONNX mapping is an
 * {@link dev.facemark.trainer.onnx.UnsupportedBlockException}.
 */
package dev.facemark.trainer.onnx;
