/**
 * The values the tracker's stages pass on: {@link dev.facemark.tracker.face.FrameResult}, the tracker's
 * answer for one frame, made of {@link dev.facemark.tracker.face.TrackedFace}s (stable id, box, confidence,
 * smoothed landmarks, point scores and, when estimated, a {@link dev.facemark.tracker.face.HeadPose} and the
 * model's {@link dev.facemark.tracker.face.FaceHeatmaps}). Renderers, filters, sinks and landmark writers
 * consume them. Plain records over core's geometry: this package imports no other tracker package, and no
 * OpenCV or OpenGL.
 */
package dev.facemark.tracker.face;
