package dev.facemark.trainer.cli;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.runtime.ConfidenceCalibration;
import dev.facemark.core.runtime.ConfidenceFeatures;
import dev.facemark.core.runtime.FeatureConfidence;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.trainer.data.TrainingFaces;
import dev.facemark.trainer.eval.ConfidenceFit;
import dev.facemark.trainer.onnx.OnnxMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code trainer calibrate-confidence}: fits what a heatmap model's face score means, on held-out faces, into the model. */
@Command(name = "calibrate-confidence", mixinStandardHelpOptions = true,
        description = {"Runs a heatmap model on the trainer's VALIDATION faces (held out by clip, seed 42: never seen in",
                "training) cropped as a tracker would, drifted off the face, and on background; fits P(NME < 8%%) as a",
                "logistic regression on the face's confidence features (lower decile, median, mean and spread of the",
                "point scores; how face-like and how well framed the points are) and writes it into the model's ONNX",
                "metadata (" + FeatureConfidence.KEY + "), with the single-feature fit",
                "1/(1+exp(-(a ln(lower decile) + b))) that older runtimes read (" + ConfidenceCalibration.KEY + "),",
                "so that the tracker's face confidence is the probability of a good fit."})
public final class CalibrateConfidenceCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "heatmap model (.onnx) exported by this trainer") Path model;
    @Option(names = "--out", description = "write the calibrated model here (default: update --model in place)") Path out;
    @Option(names = "--data", split = ",", defaultValue = "300w,ytf") List<String> data;
    @Option(names = "--data-root", defaultValue = "../shared/data") Path dataRoot;
    @Option(names = "--val-fraction", defaultValue = "0.1", description = "the training runs' validation fraction (default: ${DEFAULT-VALUE})") double valFraction;
    @Option(names = "--seed", defaultValue = "42", description = "the training runs' split seed (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--max-faces", defaultValue = "0", description = "use at most N validation faces; 0 = all") int maxFaces;
    @Option(names = "--features", split = ",", description = "fit only these of the confidence features (default: all of "
            + "ln_low_decile, ln_median, ln_mean, sd_ln, ln_shape_residual, centre_offset, abs_ln_scale); the others get weight 0")
    List<String> features;
    @Option(names = "--samples", description = "also write every crop's kind, label and features to this CSV") Path samplesCsv;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(model)) throw new UserException("--model " + model + ": no such file");
        List<String> use = features == null ? ConfidenceFeatures.NAMES : features;
        for (String u : use) if (!ConfidenceFeatures.NAMES.contains(u)) throw new UserException("--features: no feature " + u + "; known: " + ConfidenceFeatures.NAMES);
        Dataset val = TrainingFaces.limit(TrainingFaces.split(TrainingFaces.load(dataRoot, data), valFraction, seed).validation(),
                maxFaces, seed);
        ConfidenceFit.Result r;
        try (LandmarkModel m = LandmarkModel.open(model, RuntimeOptions.cpu(1))) {
            if (m.contract().outputKind() != OutputKind.HEATMAPS) {
                throw new UserException(model + " predicts coordinates, not heatmaps: it has no score to calibrate");
            }
            r = ConfidenceFit.run(m, val.samples(), seed, use);
        }
        report(r, val.size());
        if (samplesCsv != null) writeSamples(r, samplesCsv);
        Path target = out != null ? out : model;
        OnnxMetadata.set(model, target, ConfidenceCalibration.KEY, r.calibration().encode());
        OnnxMetadata.set(target, target, FeatureConfidence.KEY, r.features().encode());
        System.out.println("wrote " + ConfidenceCalibration.KEY + " = " + r.calibration().encode() + " and " + FeatureConfidence.KEY
                + " (" + ConfidenceFeatures.COUNT + " features, " + r.features().points() + "-point mean shape) into " + target);
        return 0;
    }

    private static void report(ConfidenceFit.Result r, int faces) {
        List<ConfidenceFit.Sample> fitted = r.samples().stream().filter(s -> !s.kind().equals(ConfidenceFit.DEGRADED)).toList();
        long good = fitted.stream().filter(ConfidenceFit.Sample::good).count();
        System.out.printf(Locale.ROOT, "%d validation faces, %d crops fitted on (%d with a good fit, NME < %.0f%%), %d degraded crops reported%n",
                faces, fitted.size(), good, 100 * ConfidenceCalibration.GOOD_NME, r.samples().size() - fitted.size());
        double[] w = r.features().weights();
        StringBuilder ws = new StringBuilder();
        for (int k = 0; k < w.length; k++) ws.append(String.format(Locale.ROOT, " %s %.2f", ConfidenceFeatures.NAMES.get(k), w[k]));
        System.out.printf(Locale.ROOT, "features fit (standardised weights):%s; bias %.2f; AUC good vs bad %.3f%n", ws, r.features().bias(), r.auc());
        System.out.printf(Locale.ROOT, "lower-decile fit: a %.3f, b %.3f; AUC %.3f%n", r.calibration().a(), r.calibration().b(), r.aucLowDecile());
        for (String k : List.of(ConfidenceFit.ALIGNED, ConfidenceFit.DRIFTED, ConfidenceFit.BACKGROUND, ConfidenceFit.DEGRADED)) {
            System.out.printf(Locale.ROOT, "  %-10s %4d crops: median confidence %.2f (lower-decile fit %.2f; raw score %.3f)%s%n", k, r.count(k),
                    r.medianConfidence(k), r.medianLowDecileConfidence(k), r.medianRaw(k),
                    k.equals(ConfidenceFit.DEGRADED) ? String.format(Locale.ROOT, " - not fitted; good fits %.2f, bad %.2f, AUC %.3f (lower decile %.3f)",
                            r.medianConfidence(k, true), r.medianConfidence(k, false), r.aucDegraded(), r.aucDegradedLowDecile()) : "");
        }
    }

    private static void writeSamples(ConfidenceFit.Result r, Path csv) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
            w.println("kind,good,confidence,low_decile_confidence," + String.join(",", ConfidenceFeatures.NAMES));
            for (ConfidenceFit.Sample s : r.samples()) {
                StringBuilder b = new StringBuilder(s.kind()).append(',').append(s.good() ? 1 : 0)
                        .append(String.format(Locale.ROOT, ",%.4f,%.4f", r.features().apply(s.features()), r.calibration().apply(s.score())));
                for (double f : s.features()) b.append(String.format(Locale.ROOT, ",%.5f", f));
                w.println(b);
            }
        }
    }
}
