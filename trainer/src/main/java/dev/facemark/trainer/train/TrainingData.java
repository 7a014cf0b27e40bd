package dev.facemark.trainer.train;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.DatasetSplit;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.data.DetectorBoxes;
import dev.facemark.trainer.data.TrainingFaces;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** A run's data: the faces, their split by clip, and the optional detector boxes of the training faces. */
final class TrainingData {
    private TrainingData() {}

    /** The training and validation faces of {@code cfg}'s datasets (at most {@code maxFaces}), split by clip with the split seed. */
    static DatasetSplit split(TrainConfig cfg, PrintStream log) {
        TrainConfig.Data d = cfg.data();
        Dataset all = TrainingFaces.limit(TrainingFaces.load(Path.of(d.root()), d.datasets()), d.maxFaces(), d.splitSeed());
        DatasetSplit plain = TrainingFaces.split(all, d.valFraction(), d.splitSeed());
        DatasetSplit split = new DatasetSplit(TrainingFaces.repeated(plain.train(), Path.of(d.root()), d.datasets()), plain.validation());
        if (split.train().size() < cfg.batch()) {
            throw new BadInputException("only " + split.train().size() + " training faces for batch size " + cfg.batch()
                    + ": lower --batch or raise --max-faces");
        }
        log.printf(Locale.ROOT, "data: %s -> %d train%s, %d validation faces (%s)%n", all.name(), split.train().size(),
                split.train() == plain.train() ? "" : " (" + plain.train().size() + " faces, some repeated)",
                split.validation().size(), all.problems().isEmpty() ? "no problems" : all.problems().size() + " skipped");
        return split;
    }

    /** Calibrated Haar boxes of the training faces (cached in the run folder), or null when the run uses none. */
    static DetectorBoxes detectorBoxes(TrainConfig cfg, DatasetSplit split, Path runDir, PrintStream log) throws IOException {
        float share = cfg.data().detectorBoxes();
        if (share <= 0) return null;
        log.println("detector boxes: finding training faces with Haar (cached in detections.tsv) ...");
        DetectorBoxes d = DetectorBoxes.load(split.train().samples(), DetectorCalibration.HAAR, runDir.resolve("detections.tsv"), cfg.compute().workers());
        log.printf(Locale.ROOT, "detector boxes: %d of %d faces found; %.0f%% of crops use them%n", d.found(),
                split.train().size(), 100 * share);
        return d;
    }
}
