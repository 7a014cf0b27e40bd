package dev.facemark.trainer.eval;

import dev.facemark.core.data.DataFormatException;
import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.ImageCheck;
import dev.facemark.core.data.LoadMode;
import dev.facemark.core.data.W300Dataset;
import dev.facemark.core.data.YtfDataset;
import dev.facemark.trainer.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The faces an evaluation runs on: a 300-W folder with a split name (common, challenging, full,
 * train) or a YouTube-Faces folder with a split (test, train), told apart by the folder's content.
 */
public final class EvalData {
    private EvalData() {}

    public static Dataset load(Path folder, String split) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("data folder not found: " + folder + " (give --data a 300-W or YouTube-Faces folder)");
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
