package dev.facemark.trainer.eval;

import dev.facemark.core.data.DataFormatException;
import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.ImageCheck;
import dev.facemark.core.data.LoadMode;
import dev.facemark.core.data.W300Dataset;
import dev.facemark.core.data.YtfDataset;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.data.TrainingFaces;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The faces an evaluation runs on: a 300-W folder with a split name (common, challenging, full,
 * train) or a YouTube-Faces folder with a split (test, train), told apart by the folder's content;
 * or, with the split {@value #VAL}, the data root holding both, for the validation faces that
 * {@code trainer train} holds out with its default fraction and seed: what model choices (ensembles,
 * flip averaging) are made on, so that the test splits stay for the final report.
 */
public final class EvalData {
    public static final String VAL = "val";

    private EvalData() {}

    public static Dataset load(Path folder, String split) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("data folder not found: " + folder + " (give --data a 300-W or YouTube-Faces folder)");
        }
        if (split.equals(VAL)) {
            if (!Files.isDirectory(folder.resolve("300w")) || !Files.isDirectory(folder.resolve("ytf"))) {
                throw new BadInputException("--split val needs --data to be the data root holding 300w/ and ytf/ (e.g. ../shared/data), not "
                        + folder);
            }
            Dataset all = TrainingFaces.load(folder, TrainingFaces.KNOWN);
            return TrainingFaces.split(all, TrainingFaces.DEFAULT_VAL_FRACTION, TrainingFaces.DEFAULT_SPLIT_SEED).validation();
        }
        try {
            if (Files.isRegularFile(folder.resolve(split + ".csv"))) {
                return YtfDataset.load(folder, split, LoadMode.STRICT, ImageCheck.EXISTS);
            }
            if (Files.isDirectory(folder.resolve("afw")) || Files.isDirectory(folder.resolve("helen"))
                    || Files.isDirectory(folder.resolve("lfpw")) || Files.isDirectory(folder.resolve("ibug"))) {
                return W300Dataset.load(folder, split, LoadMode.STRICT, ImageCheck.EXISTS);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        } catch (DataFormatException e) {
            throw new BadInputException(e.getMessage());
        }
        throw new BadInputException(folder + " is neither a 300-W folder (afw/, helen/, lfpw/) nor a YouTube-Faces folder with "
                + split + ".csv; check --data and --split");
    }
}
