/**
 * The {@code batch} module's entry point ({@link dev.facemark.batch.BatchMain}: {@code java -jar batch.jar} or the
 * main class for {@code spark-submit}), which hands the command line to {@code batch.cli}; the job itself is
 * {@code batch.job} and imports no command-line code.
 */
package dev.facemark.batch;
