/**
 * Where tracking results go: annotated frames into {@link dev.facemark.tracker.output.FrameSink}s (a video
 * file through {@link dev.facemark.tracker.output.VideoSink} and
 * {@link dev.facemark.tracker.output.AnnotatedVideoWriter}, image files, a last-frame screenshot, OpenFace
 * CSV rows), each frame first drawn by a {@link dev.facemark.tracker.output.FramePainter}
 * ({@link dev.facemark.tracker.output.CpuPainter} with OpenCV, or the OpenGL renderer behind the same
 * interface). Landmark files are written by core's writers, fed by
 * {@link dev.facemark.tracker.output.LandmarkRecords}, which turns a
 * {@link dev.facemark.tracker.face.FrameResult} into core's plain record. An output that cannot be written
 * is a one-line {@link dev.facemark.tracker.output.OutputException}.
 */
package dev.facemark.tracker.output;
