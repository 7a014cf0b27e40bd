/**
 * Where frames come from, as one {@link dev.facemark.tracker.source.FrameSource} shape with 8-bit BGR OpenCV
 * Mats out ({@link dev.facemark.tracker.source.SourceFrame}): video files, video4linux2 cameras and network
 * streams through JavaCV's FFmpeg, one image or a folder of images, and the animated
 * {@link dev.facemark.tracker.source.DemoSource} portrait, opened by
 * {@link dev.facemark.tracker.source.Sources} from what the user typed. Wrappers decode ahead
 * ({@link dev.facemark.tracker.source.PrefetchSource}), play a clip several times
 * ({@link dev.facemark.tracker.source.LoopedSource}) and reopen a lost live source
 * ({@link dev.facemark.tracker.source.ReconnectingSource}, as
 * {@link dev.facemark.tracker.source.SourceOptions} say). A source that cannot be opened is a one-line
 * {@link dev.facemark.tracker.source.SourceException}; a live one that stops for good is a
 * {@link dev.facemark.tracker.source.SourceLostException}. This package imports no other tracker package.
 */
package dev.facemark.tracker.source;
