/**
 * The {@code tracker} command line (picocli): {@code live}, {@code video}, {@code image} and their
 * shared options ({@link dev.facemark.tracker.cli.ModelOptions}: model, {@code --detector haar|yunet:PATH}
 * parsed by core's {@link dev.facemark.core.detect.Detectors}, runtime, tracking), one tracking
 * {@link dev.facemark.tracker.cli.Session}, and the mapping of every user mistake to one line
 * ({@code app.ErrorLine}, shared with the batch job).
 */
package dev.facemark.tracker.cli;
