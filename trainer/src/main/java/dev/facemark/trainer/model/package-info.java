/**
 * Network architectures in DJL (PyTorch engine), as data first: a {@link dev.facemark.trainer.model.NetSpec}
 * of {@link dev.facemark.trainer.model.Layer} records and a {@link dev.facemark.trainer.model.Head}, from
 * which both the DJL blocks ({@link dev.facemark.trainer.model.LayerBlock},
 * {@link dev.facemark.trainer.model.LandmarkBlock}) and the ONNX graph are generated, so that training and
 * export cannot drift apart. {@link dev.facemark.trainer.model.Architectures} selects a design by name
 * ({@code nose, fullface, resnet18, unet, fast}), sized by an {@link dev.facemark.trainer.model.ArchConfig};
 * {@link dev.facemark.trainer.model.LandmarkNet} is a network ready to train or export, and
 * {@link dev.facemark.trainer.model.Checkpoint} the folder {@code trainer export} reads.
 * {@link dev.facemark.trainer.model.NativeConstants} keeps the constants autograd needs in memory libtorch
 * owns. This package imports nothing else from the trainer.
 */
package dev.facemark.trainer.model;
