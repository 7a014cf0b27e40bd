package dev.facemark.trainer.train;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that defines a training run, grouped by what each part decides. Saved in the run folder as
 * {@code config.json}, so {@code --resume} continues with the same settings ({@link RunConfigFile}).
 *
 * @param network      which network, at what input
 * @param data         which faces, how they are split and augmented
 * @param schedule     how long and how fast
 * @param optimisation what is minimised, and how
 * @param compute      threads and memory (do not change the result's meaning, only its speed)
 * @param seed         seed for the initial weights, batch order and augmentation
 * @param exportOnnx   export ONNX at the end of the run
 */
public record TrainConfig(Network network, Data data, Schedule schedule, Optimisation optimisation, Compute compute,
                          long seed, boolean exportOnnx) {

    /**
     * @param arch        architecture name (see the model registry)
     * @param options     architecture options (e.g. variant=small for unet, head=regress for fast)
     * @param inputWidth  model input width in pixels (0 = the architecture's default)
     * @param inputHeight model input height in pixels (0 = the architecture's default)
     * @param channels    1 (grey) or 3 (RGB); 0 = the architecture's default
     */
    public record Network(String arch, Map<String, String> options, int inputWidth, int inputHeight, int channels) {
        public Network {
            options = new TreeMap<>(options == null ? Map.of() : options);
        }
    }

    /**
     * @param datasets      training sets ("300w", "ytf"): their TRAIN splits only
     * @param root          folder that holds the datasets
     * @param valFraction   part of the training faces held out for validation (by clip)
     * @param splitSeed     seed of the face subset ({@code maxFaces}) and the validation split: kept apart from the
     *                      run's seed so that runs with other seeds are still validated on the same faces
     * @param maxFaces      use at most this many faces (0 = all), for tiny runs
     * @param augment       augmentation on (false: plain test crops, for debugging)
     * @param detectorBoxes fraction of training crops cut around calibrated Haar boxes instead of landmark boxes
     * @param motionBlur    probability of a motion-blur streak on an augmented crop (absent from older configs: 0)
     * @param occlusion     probability of an occluding patch on an augmented crop (absent from older configs: 0)
     * @param jpeg          probability of a low-quality JPEG round trip of an augmented crop (absent from older configs: 0)
     */
    public record Data(List<String> datasets, String root, double valFraction, long splitSeed, int maxFaces, boolean augment,
                       float detectorBoxes, float motionBlur, float occlusion, float jpeg) {
        public Data {
            datasets = List.copyOf(datasets);
        }
    }

    /**
     * @param epochs       number of epochs
     * @param batch        batch size
     * @param lr           peak learning rate (warmup, then cosine to 1% of it)
     * @param warmupEpochs linear warmup length, epochs (fractions allowed)
     * @param patience     stop after this many epochs without a better validation NME (0 = never)
     */
    public record Schedule(int epochs, int batch, float lr, float warmupEpochs, int patience) {
        public Schedule withEpochs(int e) { return new Schedule(e, batch, lr, warmupEpochs, patience); }
        public Schedule withLr(float l) { return new Schedule(epochs, batch, l, warmupEpochs, patience); }
    }

    /**
     * @param loss        the coordinate loss
     * @param optimizer   Adam or AdamW
     * @param weightDecay weight decay (decoupled for AdamW, L2 for Adam)
     * @param clipGrad    global gradient-norm limit: negative = auto (see {@link GradientGuard#resolveNorm}), 0 = off;
     *                    runs saved before this option read as 0, so they resume as they ran
     * @param emaDecay    decay of the exponential moving average of the weights that validation, {@code best/} and the
     *                    export use ({@link WeightAverage}); 0 = off, as runs saved before this option read
     * @param heatmapKl   weight of the {@link HeatmapPrior} (heatmap heads); 0 = off, as runs saved before this option read
     * @param heatmapSigma the prior's Gaussian, heatmap cells (runs saved before it read 0: the default, 1)
     * @param distillation the teacher the student also learns from; runs saved before this option read null: off
     */
    public record Optimisation(CoordinateLoss loss, AdamVariant optimizer, float weightDecay, float clipGrad, float emaDecay,
                               float heatmapKl, float heatmapSigma, Distillation distillation) {
        public Optimisation {
            if (distillation == null) distillation = Distillation.OFF;
        }

        /** The loss, optimiser and clipping of earlier runs: no heatmap prior, no teacher. */
        public Optimisation(CoordinateLoss loss, AdamVariant optimizer, float weightDecay, float clipGrad, float emaDecay) {
            this(loss, optimizer, weightDecay, clipGrad, emaDecay, 0f, 1f, Distillation.OFF);
        }

        public HeatmapPrior heatmapPrior() { return heatmapKl > 0 ? new HeatmapPrior(heatmapKl, heatmapSigma > 0 ? heatmapSigma : 1f) : HeatmapPrior.OFF; }
    }

    /**
     * @param threads PyTorch intra-op threads
     * @param workers data pipeline threads
     * @param cacheMb decoded-image cache budget, MiB
     */
    public record Compute(int threads, int workers, int cacheMb) { }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(network, data, schedule.withEpochs(e), optimisation, compute, seed, exportOnnx);
    }

    public TrainConfig withLr(float l) {
        return new TrainConfig(network, data, schedule.withLr(l), optimisation, compute, seed, exportOnnx);
    }

    // The parts read most often.
    public String arch() { return network.arch(); }
    public int epochs() { return schedule.epochs(); }
    public int batch() { return schedule.batch(); }
    public float lr() { return schedule.lr(); }
}
