/**
 * Trainer measurements kept apart from the stages they measure: training throughput in DJL
 * ({@link dev.facemark.trainer.bench.TrainThroughput}), ONNX Runtime latency of freshly exported
 * networks ({@link dev.facemark.trainer.bench.OrtLatency}) and the layer spec as JSON for the PyTorch twin
 * ({@link dev.facemark.trainer.bench.LayerSpecJson}, {@code tools/bench/}).
 */
package dev.facemark.trainer.bench;
