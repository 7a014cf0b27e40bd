package dev.facemark.core.data;

import dev.facemark.core.points.PointScheme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the 300-W folder layout: {@code .pts} files next to {@code .jpg}/{@code .png} images in
 * {@code afw/}, {@code helen/trainset}, {@code helen/testset}, {@code lfpw/trainset}, {@code lfpw/testset}
 * and, in a full download, {@code ibug/}. Each sample's subset tag is its folder ("helen/testset").
 *
 * <p>Standard splits: {@code train} = afw + helen/trainset + lfpw/trainset; {@code common} =
 * helen/testset + lfpw/testset; {@code challenging} = ibug; {@code full} = common + challenging.
 */
public final class W300Dataset {
    public static final List<String> TRAIN = List.of("afw", "helen/trainset", "lfpw/trainset");
    public static final List<String> COMMON = List.of("helen/testset", "lfpw/testset");
    public static final List<String> CHALLENGING = List.of("ibug");
    public static final List<String> SPLITS = List.of("train", "common", "challenging", "full");
    private static final String[] IMAGE_EXT = {".jpg", ".png", ".jpeg", ".JPG", ".PNG"};

    private W300Dataset() {}

    /** The folders of a split name; unknown names are an IllegalArgumentException listing the known ones. */
    public static List<String> folders(String split) {
        return switch (split) {
            case "train" -> TRAIN;
            case "common" -> COMMON;
            case "challenging" -> CHALLENGING;
            case "full" -> Stream.concat(COMMON.stream(), CHALLENGING.stream()).toList();
            default -> throw new IllegalArgumentException("unknown 300-W split '" + split + "'; known: " + SPLITS);
        };
    }

    /**
     * Loads a split. Every folder of the split must exist: {@code challenging} and {@code full} need
     * {@code ibug/}, so a copy without it (like the shared one) refuses them rather than report
     * "full" numbers that are really "common" numbers.
     */
    public static Dataset load(Path root, String split, LoadMode mode, ImageCheck check) {
        if (!Files.isDirectory(root)) throw new DataFormatException(root, 0, "300-W folder not found");
        List<FaceSample> out = new ArrayList<>();
        LoadProblems problems = new LoadProblems(mode);
        for (String folder : folders(split)) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new DataFormatException(dir, 0, "300-W subset folder not found (split '" + split + "' needs "
                        + folders(split) + (CHALLENGING.contains(folder) ? "; this copy has no challenging set, use 'common'" : "") + ")");
            }
            loadFolder(dir, folder, problems, check, out);
        }
        return new Dataset("300w/" + split, out, problems.list());
    }

    /** Strict load, checking only that images exist. */
    public static Dataset load(Path root, String split) {
        return load(root, split, LoadMode.STRICT, ImageCheck.EXISTS);
    }

    /** Loads every {@code .pts} in one folder (not recursive), tagging samples with {@code subset}. */
    static void loadFolder(Path dir, String subset, LoadProblems problems, ImageCheck check, List<FaceSample> out) {
        List<Path> pts;
        try (Stream<Path> s = Files.list(dir)) {
            pts = s.filter(p -> p.getFileName().toString().endsWith(".pts")).sorted().toList();
        } catch (IOException e) {
            throw new DataFormatException(dir, 0, "cannot list folder: " + e.getMessage(), e);
        }
        int n = PointScheme.IBUG_68.count();
        for (Path p : pts) {
            try {
                float[] points = PtsFile.read(p, n);
                Path image = imageFor(p);
                ImageLoader.check(image, check);
                String file = p.getFileName().toString();
                out.add(new FaceSample(subset + "/" + file.substring(0, file.length() - 4), image, points, subset));
            } catch (DataFormatException e) {
                problems.report(e);
            }
        }
    }

    /** The image next to a .pts file (same stem, .jpg or .png). */
    static Path imageFor(Path pts) {
        String f = pts.getFileName().toString();
        String stem = f.substring(0, f.length() - 4);
        for (String ext : IMAGE_EXT) {
            Path img = pts.resolveSibling(stem + ext);
            if (Files.exists(img)) return img;
        }
        throw new DataFormatException(pts, 0, "no image next to it (looked for " + stem + ".jpg/.png)");
    }
}
