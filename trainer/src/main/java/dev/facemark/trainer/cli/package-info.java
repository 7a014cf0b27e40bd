/**
 * The {@code trainer} command line (picocli): train, lr-sweep, eval, export, half, calibrate,
 * report. Shared options live in mixins ({@link dev.facemark.trainer.cli.DetectorOption}: the
 * {@code --detector} spelling of core's {@link dev.facemark.core.detect.Detectors}, as the tracker
 * takes it); {@link dev.facemark.trainer.cli.CliErrors} turns user mistakes into one line.
 */
package dev.facemark.trainer.cli;
