/**
 * The pictures and the page of {@code trainer report}: a self-contained
 * {@link dev.facemark.trainer.report.HtmlReport}, headless JFreeChart charts
 * ({@link dev.facemark.trainer.report.LineChart} for loss and learning-rate curves,
 * {@link dev.facemark.trainer.report.CedChart} for error distributions) and OpenCV-drawn tiles
 * ({@link dev.facemark.trainer.report.Canvas}): predictions over the ground truth
 * ({@link dev.facemark.trainer.report.PredictionGallery}), heatmaps over the crop
 * ({@link dev.facemark.trainer.report.HeatmapPanel}) and the first convolution's filters
 * ({@link dev.facemark.trainer.report.FilterGrid}). {@code trainer eval} draws its CED with the same chart,
 * and training its {@code loss.png} and the learning-rate sweep's curves.
 */
package dev.facemark.trainer.report;
