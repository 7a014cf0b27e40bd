/**
 * Face effects the OpenGL renderer draws after the video and before the overlay layers: each
 * {@link dev.facemark.tracker.filter.FaceFilter} (face mesh, sunglasses sprite, big-eyes and slim-jaw warps,
 * privacy blur or pixelation, head-pose axes) draws with its own shaders from {@code shaders/}. Filters are
 * registered by name in {@link dev.facemark.tracker.filter.FilterRegistry} (for {@code --filter},
 * {@code --help} and the live key) and run together as one render pass by
 * {@link dev.facemark.tracker.filter.FilterStack}. They are anchored to a face through
 * {@link dev.facemark.tracker.filter.FaceTemplate}, a canonical 68-point face with a fixed triangulation,
 * and a fitted {@link dev.facemark.tracker.filter.Similarity}.
 */
package dev.facemark.tracker.filter;
