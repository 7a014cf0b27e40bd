package dev.facemark.trainer.cli;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.runtime.ConfidenceCalibration;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.trainer.data.TrainingFaces;
import dev.facemark.trainer.eval.ConfidenceFit;
import dev.facemark.trainer.onnx.OnnxMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code trainer calibrate-confidence}: fits what a heatmap model's face score means, on held-out faces, into the model. */
@Command(name = "calibrate-confidence", mixinStandardHelpOptions = true,
        description = {"Runs a heatmap model on the trainer's VALIDATION faces (held out by clip, seed 42: never seen in",
                "training) cropped as a tracker would, drifted off the face, and on background; fits",
                "P(NME < 8%%) = 1/(1+exp(-(a ln(score) + b))) and writes it into the model's ONNX metadata, so that the",
                "tracker's face confidence is the probability of a good fit."})
public final class CalibrateConfidenceCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "heatmap model (.onnx) exported by this trainer") Path model;
    @Option(names = "--out", description = "write the calibrated model here (default: update --model in place)") Path out;
    @Option(names = "--data", split = ",", defaultValue = "300w,ytf") List<String> data;
    @Option(names = "--data-root", defaultValue = "../shared/data") Path dataRoot;
    @Option(names = "--val-fraction", defaultValue = "0.1", description = "the training runs' validation fraction (default: ${DEFAULT-VALUE})") double valFraction;
    @Option(names = "--seed", defaultValue = "42", description = "the training runs' split seed (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--max-faces", defaultValue = "0", description = "use at most N validation faces; 0 = all") int maxFaces;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(model)) throw new UserException("--model " + model + ": no such file");
        Dataset val = TrainingFaces.limit(TrainingFaces.split(TrainingFaces.load(dataRoot, data), valFraction, seed).validation(),
                maxFaces, seed);
        ConfidenceFit.Result r;
        try (LandmarkModel m = LandmarkModel.open(model, RuntimeOptions.cpu(1))) {
            if (m.contract().outputKind() != OutputKind.HEATMAPS) {
                throw new UserException(model + " predicts coordinates, not heatmaps: it has no score to calibrate");
            }
            r = ConfidenceFit.run(m, val.samples(), seed);
        }
        ConfidenceCalibration c = r.calibration();
        report(r, val.size());
        Path target = out != null ? out : model;
        OnnxMetadata.set(model, target, ConfidenceCalibration.KEY, c.encode());
        System.out.println("wrote " + ConfidenceCalibration.KEY + " = " + c.encode() + " into " + target);
        return 0;
    }

    private static void report(ConfidenceFit.Result r, int faces) {
        {
            long good = r.samples().stream().filter(ConfidenceFit.Sample::good).count();
            System.out.printf(Locale.ROOT, "%d validation faces, %d crops (%d with a good fit, NME < %.0f%%)%n", faces, r.samples().size(),
                    good, 100 * ConfidenceCalibration.GOOD_NME);
            System.out.printf(Locale.ROOT, "fit: a %.3f, b %.3f; raw score separates good from bad fits with AUC %.3f%n",
                    r.calibration().a(), r.calibration().b(), r.auc());
            for (String k : List.of(ConfidenceFit.ALIGNED, ConfidenceFit.DRIFTED, ConfidenceFit.BACKGROUND)) {
                System.out.printf(Locale.ROOT, "  %-10s %4d crops: median raw score %.3f -> confidence %.2f%n", k, r.count(k),
                        r.medianRaw(k), r.medianConfidence(k));
            }
        }
    }
}
