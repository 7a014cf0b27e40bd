/**
 * One training run in a run folder ({@link dev.facemark.trainer.train.TrainingRun}, configured by
 * {@link dev.facemark.trainer.train.TrainConfig}): the optimisation loop with a warmup + cosine
 * {@link dev.facemark.trainer.train.LearningRateSchedule}, {@link dev.facemark.trainer.train.ResumableAdam},
 * the {@link dev.facemark.trainer.train.CoordinateLoss}, and the
 * {@link dev.facemark.trainer.train.GradientGuard} that skips non-finite steps and clips the gradient norm,
 * then validation NME (on the {@link dev.facemark.trainer.train.WeightAverage} when {@code --ema} is on) and
 * early stopping each epoch. Every epoch writes a checkpoint atomically
 * ({@link dev.facemark.trainer.train.Checkpoints}, {@link dev.facemark.trainer.train.RunState}) and
 * {@code log.csv} ({@link dev.facemark.trainer.train.EpochLog}), so a killed run resumes exactly where it
 * stopped. {@link dev.facemark.trainer.train.LrSweep} runs short trainings at several learning rates for
 * {@code trainer lr-sweep}.
 */
package dev.facemark.trainer.train;
