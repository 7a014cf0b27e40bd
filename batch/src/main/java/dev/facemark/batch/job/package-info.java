/**
 * The batch job on Apache Spark, whatever front end starts it: the inputs resolved to videos
 * ({@link dev.facemark.batch.job.VideoInputs}), the driver ({@link dev.facemark.batch.job.BatchJob}), one task
 * per video on a pooled model ({@link dev.facemark.batch.job.VideoTask}, {@link dev.facemark.batch.job.Pipelines}),
 * and the output folder's Parquet tables and layout. What the tasks receive is Serializable
 * ({@link dev.facemark.batch.job.BatchSettings}, {@link dev.facemark.batch.job.VideoRef}).
 */
package dev.facemark.batch.job;
