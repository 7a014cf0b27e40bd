/**
 * The {@code batch} command line (picocli): the tracker's model and tracking options plus the job's own,
 * checked into a {@link dev.facemark.batch.job.BatchRequest} for the job, and every failure as one line
 * with its exit code. {@code dev.facemark.batch.BatchMain} is the jar's entry point.
 */
package dev.facemark.batch.cli;
