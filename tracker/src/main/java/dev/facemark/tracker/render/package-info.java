/**
 * OpenGL 3.3 core rendering with LWJGL: one {@link dev.facemark.tracker.render.Renderer} draws a
 * video frame plus a {@link dev.facemark.tracker.face.FrameResult} into a framebuffer, which is
 * either presented in a {@link dev.facemark.tracker.render.LiveWindow} or read back
 * ({@link dev.facemark.tracker.render.GlFramePainter} for video export, PNG screenshots).
 *
 * <ul>
 *   <li>{@link dev.facemark.tracker.render.GlContext}: headless (GLFW null platform + EGL, Mesa
 *       llvmpipe, no X) or windowed context.</li>
 *   <li>{@link dev.facemark.tracker.render.VideoTexture}: BGR / I420 / NV12 frames streamed through
 *       orphaned PBOs; YUV converted in {@code shaders/video.frag}.</li>
 *   <li>Layers ({@link dev.facemark.tracker.render.Layer}) configured by
 *       {@link dev.facemark.tracker.render.RenderOptions}; keys by
 *       {@link dev.facemark.tracker.render.KeyMap}.</li>
 *   <li>{@link dev.facemark.tracker.render.FramePass}: the hook face filters draw through.</li>
 * </ul>
 * Coordinates: target pixels are y-down and image row 0 is GL row 0, so read-backs need no flip;
 * source points use the project's pixel-centre convention ({@link dev.facemark.tracker.render.Viewport}).
 */
package dev.facemark.tracker.render;
