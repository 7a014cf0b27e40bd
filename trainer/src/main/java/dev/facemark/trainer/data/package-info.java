/**
 * Training data: the training faces ({@link dev.facemark.trainer.data.TrainingFaces}), their crops
 * and batches ({@link dev.facemark.trainer.data.CropSpec}, {@link dev.facemark.trainer.data.BatchPipeline},
 * {@link dev.facemark.trainer.data.ImageCache}), and the detector side of training: detector-box
 * crops from core's Haar detector ({@link dev.facemark.trainer.data.DetectorBoxes}, cached per run)
 * and the detector calibration fit ({@link dev.facemark.trainer.data.CalibrationFit}).
 */
package dev.facemark.trainer.data;
