package dev.facemark.trainer.data;

import dev.facemark.core.data.DataFormatException;
import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.DatasetSplit;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageCheck;
import dev.facemark.core.data.LoadMode;
import dev.facemark.core.data.W300Dataset;
import dev.facemark.core.data.YtfDataset;
import dev.facemark.trainer.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faces a run trains and validates on, taken from the TRAIN splits only (300-W afw + helen and
 * lfpw trainsets, YouTube-Faces train); validation is held out of those by clip, never a test split.
 */
public final class TrainingFaces {
    public static final List<String> KNOWN = List.of("300w", "ytf");

    private TrainingFaces() {}

    /** Loads the named training sets ("300w", "ytf") from {@code dataRoot}. */
    public static Dataset load(Path dataRoot, List<String> names) {
        if (names.isEmpty()) throw new BadInputException("--data names no dataset; use one or more of " + KNOWN);
        Dataset all = null;
        for (String n : names) {
            Dataset d = loadOne(dataRoot, n.trim().toLowerCase());
            all = all == null ? d : all.concat(all.name() + "+" + d.name(), d);
        }
        return all;
    }

    private static Dataset loadOne(Path dataRoot, String name) {
        Path dir = dataRoot.resolve(name);
        if (!KNOWN.contains(name)) throw new BadInputException("unknown dataset '" + name + "' in --data; known: " + KNOWN);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("data folder not found: " + dir + " (set --data-root to the folder holding " + name + "/)");
        }
        try {
            return switch (name) {
                case "300w" -> W300Dataset.load(dir, "train", LoadMode.LENIENT, ImageCheck.EXISTS);
                case "ytf" -> YtfDataset.load(dir, "train", LoadMode.LENIENT, ImageCheck.EXISTS);
                default -> throw new IllegalStateException(name);
            };
        } catch (DataFormatException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** At most {@code max} faces, drawn with {@code seed} (for tiny runs); all of them when max <= 0. */
    public static Dataset limit(Dataset d, int max, long seed) {
        if (max <= 0 || max >= d.size()) return d;
        List<FaceSample> s = new ArrayList<>(d.samples());
        Collections.shuffle(s, new Random(seed ^ 0x5DEECE66DL));
        return new Dataset(d.name() + "[" + max + "]", s.subList(0, max));
    }

    /** Train/validation split held out by YouTube-Faces clip (frames of one clip never straddle it). */
    public static DatasetSplit split(Dataset d, double valFraction, long seed) {
        return DatasetSplit.byClip(d, valFraction, seed);
    }
}
