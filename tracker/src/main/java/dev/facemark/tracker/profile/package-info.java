/**
 * Per-stage timing of the tracker pipeline: the {@link dev.facemark.tracker.profile.Stage}s in order (grab
 * and decode, detection, crop, inference, decoding, smoothing and pose, rendering, writing, the whole frame)
 * and {@link dev.facemark.tracker.profile.StageTimer}, allocation-free HdrHistogram latency histograms in
 * microseconds. A stage that did not run in a frame gets no sample, so its percentiles describe the frames
 * where it ran. This package imports no other tracker package.
 */
package dev.facemark.tracker.profile;
