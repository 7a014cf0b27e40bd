/**
 * {@code tracker bench}: the whole pipeline timed per stage ({@link dev.facemark.tracker.bench.PipelineBench}),
 * one face's inference alone ({@link dev.facemark.tracker.bench.InferenceProbe}), resident memory
 * over a long run, offscreen rendering, and the report, chart and JSON they write.
 */
package dev.facemark.tracker.bench;
