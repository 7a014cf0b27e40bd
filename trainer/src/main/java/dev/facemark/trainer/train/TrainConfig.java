package dev.facemark.trainer.train;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that defines a training run. Saved in the run folder, so {@code --resume} continues
 * with the same settings.
 *
 * @param arch          architecture name (see the model registry)
 * @param archOptions   architecture options (e.g. variant=small for unet, head=regress for fast)
 * @param datasets      training sets ("300w", "ytf"): their TRAIN splits only
 * @param dataRoot      folder that holds the datasets
 * @param epochs        number of epochs
 * @param batch         batch size
 * @param lr            peak learning rate
 * @param optimizer     "adam" or "adamw"
 * @param loss          "l1" or "mse"
 * @param weightDecay   weight decay (decoupled for adamw, L2 for adam)
 * @param inputWidth    model input width in pixels (0 = the architecture's default)
 * @param inputHeight   model input height in pixels (0 = the architecture's default)
 * @param channels      1 (grey) or 3 (RGB)
 * @param seed          seed for the split, initial weights, batch order and augmentation
 * @param valFraction   part of the training faces held out for validation (by clip)
 * @param maxFaces      use at most this many faces (0 = all), for tiny runs
 * @param threads       PyTorch intra-op threads
 * @param workers       data pipeline threads
 * @param warmupEpochs  linear warmup length, epochs (fractions allowed)
 * @param patience      stop after this many epochs without a better validation NME (0 = never)
 * @param cacheMb       decoded-image cache budget, MiB
 * @param augment       augmentation on (false: plain test crops, for debugging)
 * @param exportOnnx    export ONNX at the end of the run
 * @param detectorBoxes fraction of training crops cut around calibrated Haar boxes instead of landmark boxes
 * @param clipGrad      global gradient-norm limit: negative = auto (see {@link GradientGuard#resolveNorm}), 0 = off;
 *                      runs saved before this option read as 0, so they resume as they ran
 */
public record TrainConfig(String arch, Map<String, String> archOptions, List<String> datasets, String dataRoot, int epochs, int batch, float lr,
                          String optimizer, String loss, float weightDecay, int inputWidth, int inputHeight, int channels, long seed,
                          double valFraction, int maxFaces, int threads, int workers, float warmupEpochs,
                          int patience, int cacheMb, boolean augment, boolean exportOnnx, float detectorBoxes,
                          float clipGrad) {

    public TrainConfig {
        archOptions = new TreeMap<>(archOptions == null ? Map.of() : archOptions);
        datasets = List.copyOf(datasets);
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(arch, archOptions, datasets, dataRoot, e, batch, lr, optimizer, loss, weightDecay, inputWidth, inputHeight, channels,
                seed, valFraction, maxFaces, threads, workers, warmupEpochs, patience, cacheMb, augment, exportOnnx, detectorBoxes, clipGrad);
    }

    public TrainConfig withLr(float l) {
        return new TrainConfig(arch, archOptions, datasets, dataRoot, epochs, batch, l, optimizer, loss, weightDecay, inputWidth, inputHeight, channels,
                seed, valFraction, maxFaces, threads, workers, warmupEpochs, patience, cacheMb, augment, exportOnnx, detectorBoxes, clipGrad);
    }
}
