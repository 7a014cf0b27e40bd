/**
 * {@code tracker bench}: the whole pipeline timed per stage ({@link dev.facemark.tracker.bench.PipelineBench}),
 * one face's inference alone ({@link dev.facemark.tracker.bench.InferenceProbe}), resident memory
 * over a long run, offscreen rendering, and the report, chart and JSON they write. Also the stand-alone
 * benches of single stages, kept here rather than in the stages they time: the renderer
 * ({@link dev.facemark.tracker.bench.RenderBench}) and each face filter ({@link dev.facemark.tracker.bench.FilterBench}).
 */
package dev.facemark.tracker.bench;
