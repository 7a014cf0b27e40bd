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

    /** Most times one set's training faces may be repeated in an epoch. */
    public static final int MAX_REPEAT = 10;
    /**
     * The validation split every run in the ledger holds out ({@code trainer train}'s defaults for {@code --val-fraction}
     * and {@code --seed}), which {@code trainer eval --split val} reproduces.
     */
    public static final double DEFAULT_VAL_FRACTION = 0.1;
    public static final long DEFAULT_SPLIT_SEED = 42L;

    /** A {@code --data} entry: a set's name and how many times its training faces are seen an epoch ("300w*2"). */
    public record Source(String name, int repeat) {
        public static Source parse(String spec) {
            String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
            int star = s.indexOf('*');
            if (star < 0) return new Source(s, 1);
            int k;
            try {
                k = Integer.parseInt(s.substring(star + 1).trim());
            } catch (NumberFormatException e) {
                k = -1;
            }
            if (k < 1 || k > MAX_REPEAT) {
                throw new BadInputException("--data " + spec + ": write NAME*K with K from 1 to " + MAX_REPEAT + " (K = times its training faces are seen an epoch)");
            }
            return new Source(s.substring(0, star).trim(), k);
        }
    }

    /** Loads the named training sets ("300w", "ytf"; a "*K" repeat is ignored here) from {@code dataRoot}. */
    public static Dataset load(Path dataRoot, List<String> names) {
        if (names.isEmpty()) throw new BadInputException("--data names no dataset; use one or more of " + KNOWN);
        Dataset all = null;
        for (String n : names) {
            Dataset d = loadOne(dataRoot, Source.parse(n).name());
            all = all == null ? d : all.concat(all.name() + "+" + d.name(), d);
        }
        return all;
    }

    /**
     * The training faces with each set's faces repeated as its {@code --data} entry says ("300w*2": twice an epoch),
     * after the split, so that validation holds exactly the faces it holds without repeats.
     */
    public static Dataset repeated(Dataset train, Path dataRoot, List<String> names) {
        List<FaceSample> out = new ArrayList<>(train.samples());
        StringBuilder name = new StringBuilder(train.name());
        for (String n : names) {
            Source src = Source.parse(n);
            if (src.repeat() == 1) continue;
            java.util.Set<String> of = new java.util.HashSet<>();
            for (FaceSample f : loadOne(dataRoot, src.name()).samples()) of.add(f.name());
            List<FaceSample> mine = train.samples().stream().filter(f -> of.contains(f.name())).toList();
            for (int k = 1; k < src.repeat(); k++) out.addAll(mine);
            name.append(" ").append(src.name()).append("x").append(src.repeat());
        }
        return out.size() == train.size() ? train : new Dataset(name.toString(), out);
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
