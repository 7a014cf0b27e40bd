package dev.facemark.trainer.cli;

import dev.facemark.trainer.data.TrainingFaces;
import dev.facemark.trainer.train.AdamVariant;
import dev.facemark.trainer.train.CoordinateLoss;
import dev.facemark.trainer.train.Distillation;
import dev.facemark.trainer.train.GradientGuard;
import dev.facemark.trainer.train.TrainConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options that define a training run, shared by {@code train} and {@code lr-sweep}. */
public final class TrainOptions {
    @Option(names = "--arch", description = "architecture: nose, fullface, resnet18, unet, fast (not needed with --resume)")
    String arch;
    @Option(names = "--arch-option", paramLabel = "KEY=VALUE", description = "architecture option, repeatable (unet: variant=small|medium|large; fast: head=heatmap|regress, width=0.5)")
    Map<String, String> archOptions = new LinkedHashMap<>();
    @Option(names = "--data", split = ",", defaultValue = "300w,ytf", description = "training sets, NAME*K to see a set's faces K times an epoch, e.g. 300w*2,ytf (default: ${DEFAULT-VALUE})")
    List<String> data;
    @Option(names = "--data-root", defaultValue = "../shared/data", description = "folder holding 300w/ and ytf/ (default: ${DEFAULT-VALUE})")
    Path dataRoot;
    @Option(names = "--epochs", defaultValue = "30") int epochs;
    @Option(names = "--batch", defaultValue = "32") int batch;
    @Option(names = "--lr", defaultValue = "1e-3") float lr;
    @Option(names = "--optimizer", defaultValue = "adamw", description = "adam or adamw") String optimizer;
    @Option(names = "--loss", defaultValue = "l1", description = "l1, mse or wing (Feng et al. 2018: up to 5x the L1 gradient on errors under 10 px at 128 px)") String loss;
    @Option(names = "--wd", defaultValue = "1e-4", description = "weight decay") float wd;
    @Option(names = "--input-size", description = "N or WxH (default: the architecture's)") String inputSize;
    @Option(names = "--channels", defaultValue = "0", description = "1 (grey) or 3 (RGB); default: the architecture's") int channels;
    @Option(names = "--seed", defaultValue = "" + TrainingFaces.DEFAULT_SPLIT_SEED, description = "seed of the initial weights, batch order and augmentation"
            + " (and of the validation split unless --val-seed is given)") long seed;
    @Option(names = "--val-seed", paramLabel = "SEED", description = "seed of the validation split (and of --max-faces' subset): keep it"
            + " when --seed changes so that validation NMEs of the runs compare (default: --seed)") Long valSeed;
    @Option(names = "--out", required = true, description = "run folder") Path out;
    @Option(names = "--val-fraction", defaultValue = "" + TrainingFaces.DEFAULT_VAL_FRACTION) double valFraction;
    @Option(names = "--max-faces", defaultValue = "0", description = "use at most N faces (tiny runs); 0 = all") int maxFaces;
    @Option(names = "--threads", defaultValue = "2", description = "PyTorch threads") int threads;
    @Option(names = "--workers", defaultValue = "2", description = "data pipeline threads") int workers;
    @Option(names = "--warmup", defaultValue = "1", description = "warmup epochs") float warmup;
    @Option(names = "--patience", defaultValue = "8", description = "early stop after N epochs without better val NME; 0 = off") int patience;
    @Option(names = "--cache-mb", defaultValue = "1500", description = "decoded image cache, MiB") int cacheMb;
    @Option(names = "--detector-boxes", defaultValue = "0", description = "fraction of training crops around calibrated Haar boxes (the tracker's first frame); 0 = none")
    float detectorBoxes;
    @Mixin DegradationOptions degradations = new DegradationOptions();
    @Option(names = "--clip-grad", defaultValue = "-1", paramLabel = "NORM",
            description = "clip the global gradient norm to NORM; 0 = off; default: auto (" + GradientGuard.AUTO_COORDINATE_NORM
                    + " for coordinate regression, off for heatmap heads). Steps with a non-finite loss or gradient are skipped either way")
    float clipGrad;
    @Option(names = "--ema", defaultValue = "0", paramLabel = "DECAY", description = "validate, keep as best/ and export an exponential"
            + " moving average of the weights, updated after every step with decay min(DECAY, (1+t)/(10+t)) (e.g. 0.999);"
            + " checkpoints keep the raw weights for resume; 0 = off (default: ${DEFAULT-VALUE})")
    float ema;
    @Option(names = "--heatmap-kl", defaultValue = "0", paramLabel = "W", description = "heatmap heads: add W times the KL divergence"
            + " from a Gaussian at the true point to each point's map (DSNT's regulariser: one compact blob per point); 0 = off"
            + " (default: ${DEFAULT-VALUE})")
    float heatmapKl;
    @Option(names = "--heatmap-sigma", defaultValue = "1", paramLabel = "CELLS", description = "that Gaussian's sigma, heatmap cells"
            + " (default: ${DEFAULT-VALUE})")
    float heatmapSigma;
    @Option(names = "--teacher", paramLabel = "MODEL.onnx", description = "distil from this model (exported by this trainer, same input"
            + " size): it labels every augmented training crop, and the student also learns its points (and maps, --distill-maps)")
    Path teacher;
    @Option(names = "--teacher-option", paramLabel = "KEY=VALUE", description = "the teacher's architecture option, repeatable"
            + " (e.g. width=2.0 for models/accurate.onnx)")
    Map<String, String> teacherOptions = new LinkedHashMap<>();
    @Option(names = "--distill", defaultValue = "1", paramLabel = "W", description = "weight of the coordinate loss against the"
            + " teacher's points (the loss against the annotation keeps weight 1; default: ${DEFAULT-VALUE})")
    float distill;
    @Option(names = "--distill-maps", defaultValue = "0", paramLabel = "W", description = "weight of the KL divergence from the"
            + " teacher's heatmaps to the student's (heatmap heads; default: ${DEFAULT-VALUE})")
    float distillMaps;
    @Option(names = "--no-augment", description = "train on plain test crops") boolean noAugment;
    @Option(names = "--no-export", description = "skip the ONNX export at the end") boolean noExport;
    @Option(names = "--no-progress", description = "no progress bar on stderr") boolean noProgress;

    public TrainConfig config() {
        if (arch == null) throw new UserException("--arch is required for a new run (nose, fullface, resnet18, unet, fast)");
        int[] wh = parseSize(inputSize);
        if (epochs <= 0) throw new UserException("--epochs must be > 0");
        if (batch <= 0) throw new UserException("--batch must be > 0");
        if (!(lr > 0)) throw new UserException("--lr must be > 0");
        AdamVariant adam = parsed("--optimizer", () -> AdamVariant.parse(optimizer));
        CoordinateLoss lossFn = parsed("--loss", () -> CoordinateLoss.parse(loss));
        if (channels != 0 && channels != 1 && channels != 3) throw new UserException("--channels must be 1 or 3");
        if (!(detectorBoxes >= 0 && detectorBoxes <= 1)) throw new UserException("--detector-boxes must be in [0, 1]");
        degradations.validate();
        if (!(ema >= 0 && ema < 1)) throw new UserException("--ema must be in [0, 1) (e.g. 0.999; 0 = off), got " + ema);
        if (!(heatmapKl >= 0)) throw new UserException("--heatmap-kl must be >= 0 (0 = off), got " + heatmapKl);
        if (!(heatmapSigma > 0)) throw new UserException("--heatmap-sigma must be > 0, got " + heatmapSigma);
        if (Float.isNaN(clipGrad)) throw new UserException("--clip-grad must be a number (0 = off)");
        if (!(valFraction >= 0 && valFraction < 1)) throw new UserException("--val-fraction must be in [0, 1)");
        if (!(distill >= 0) || !(distillMaps >= 0)) throw new UserException("--distill and --distill-maps must be >= 0");
        if (teacher != null && !java.nio.file.Files.isRegularFile(teacher)) {
            throw new UserException(teacher + ": no such teacher model (give an .onnx exported by trainer train or export)");
        }
        if (teacher == null && !teacherOptions.isEmpty()) throw new UserException("--teacher-option needs --teacher");
        Distillation distillation = teacher == null ? Distillation.OFF
                : new Distillation(teacher.toAbsolutePath().normalize().toString(), teacherOptions, distill, distillMaps);
        return new TrainConfig(
                new TrainConfig.Network(arch, archOptions, wh[0], wh[1], channels),
                new TrainConfig.Data(data, dataRoot.toString(), valFraction, valSeed != null ? valSeed : seed, maxFaces, !noAugment, detectorBoxes,
                        degradations.motionBlur, degradations.occlusion, degradations.jpeg),
                new TrainConfig.Schedule(epochs, batch, lr, warmup, patience),
                new TrainConfig.Optimisation(lossFn, adam, wd, clipGrad, ema, heatmapKl, heatmapSigma, distillation),
                new TrainConfig.Compute(threads, workers, cacheMb),
                seed, !noExport);
    }

    private static <T> T parsed(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage());
        }
    }

    static int[] parseSize(String s) {
        if (s == null || s.isBlank()) return new int[] {0, 0};
        try {
            dev.facemark.core.geom.PixelSize wh = dev.facemark.core.geom.PixelSize.parseSquareOrWxH(s);
            return new int[] {wh.width(), wh.height()};
        } catch (IllegalArgumentException e) {
            throw new UserException("--input-size must be N or WxH (e.g. 96 or 80x60), got '" + s + "'");
        }
    }
}
