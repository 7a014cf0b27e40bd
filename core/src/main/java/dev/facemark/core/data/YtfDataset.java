package dev.facemark.core.data;

import dev.facemark.core.Snippet;
import dev.facemark.core.points.PointScheme;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the YouTube-Faces landmark CSVs: {@code ytf/<split>.csv} with a header row, then
 * {@code name,x0,y0,...,x67,y67} per frame, images in {@code ytf/<split>/<name>}. Coordinates are
 * taken as 0-based pixel centres (see the data README). Subset tag: {@code ytf/<split>}.
 */
public final class YtfDataset {
    private YtfDataset() {}

    /** Loads {@code <root>/<split>.csv} with images in {@code <root>/<split>/}. */
    public static Dataset load(Path root, String split, LoadMode mode, ImageCheck check) {
        if (!Files.isDirectory(root)) throw new DataFormatException(root, 0, "YouTube-Faces folder not found");
        return loadCsv(root.resolve(split + ".csv"), root.resolve(split), "ytf/" + split, mode, check);
    }

    public static Dataset load(Path root, String split) { return load(root, split, LoadMode.STRICT, ImageCheck.EXISTS); }

    /** Loads one CSV whose image names are relative to {@code imageDir}. */
    public static Dataset loadCsv(Path csv, Path imageDir, String subset, LoadMode mode, ImageCheck check) {
        if (!Files.isRegularFile(csv)) throw new DataFormatException(csv, 0, "landmark CSV not found");
        if (check != ImageCheck.NONE && !Files.isDirectory(imageDir)) {
            throw new DataFormatException(imageDir, 0, "image folder for " + csv.getFileName() + " not found");
        }
        int values = 2 * PointScheme.IBUG_68.count();
        LoadProblems problems = new LoadProblems(mode);
        List<FaceSample> out = new ArrayList<>();
        int lineNo = 1;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = r.readLine(); // header
            if (line == null) throw new DataFormatException(csv, 1, "empty file (expected a header row)");
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                try {
                    out.add(parseRow(csv, lineNo, line, values, imageDir, subset, check));
                } catch (DataFormatException e) {
                    problems.report(e);
                }
            }
        } catch (CharacterCodingException e) {
            throw new DataFormatException(csv, lineNo + 1, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new DataFormatException(csv, 0, "cannot read: " + Snippet.clean(e.getMessage()), e);
        }
        return new Dataset(subset, out, problems.list());
    }

    private static FaceSample parseRow(Path csv, int lineNo, String line, int values, Path imageDir, String subset,
                                       ImageCheck check) {
        String[] f = line.split(",", -1);
        String name = f[0].trim();
        if (name.isEmpty()) throw new DataFormatException(csv, lineNo, "empty image name");
        if (f.length - 1 != values) {
            throw new DataFormatException(csv, lineNo, "expected name + " + values + " numbers, found " + (f.length - 1) + " numbers");
        }
        float[] pts = new float[values];
        for (int i = 0; i < values; i++) {
            try {
                pts[i] = Float.parseFloat(f[i + 1].trim());
            } catch (NumberFormatException e) {
                throw new DataFormatException(csv, lineNo, "value " + (i + 1) + " is not a number: " + Snippet.quote(f[i + 1]));
            }
            if (!Float.isFinite(pts[i])) throw new DataFormatException(csv, lineNo, "value " + (i + 1) + " is not finite");
        }
        Path image;
        try {
            image = imageDir.resolve(name);
        } catch (InvalidPathException e) {
            throw new DataFormatException(csv, lineNo, "image name " + Snippet.quote(name) + " is not a file name");
        }
        try {
            ImageLoader.check(image, check);
        } catch (DataFormatException e) {
            throw new DataFormatException(csv, lineNo, e.getMessage());
        }
        return new FaceSample(name, image, pts, subset);
    }
}
