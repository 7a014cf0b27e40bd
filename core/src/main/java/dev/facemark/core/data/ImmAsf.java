package dev.facemark.core.data;

import dev.facemark.core.Snippet;
import dev.facemark.core.points.PointScheme;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;

/**
 * The IMM face database's AAM shape file ({@code .asf}): '#' comments, the point count, one line
 * per point {@code path type x_rel y_rel point# from to ...} with coordinates relative to the image
 * size, then the host image name. Points become {@code x = x_rel * width, y = y_rel * height}.
 */
public final class ImmAsf {
    private ImmAsf() {}

    /**
     * A parsed shape, still in relative coordinates.
     *
     * @param relative  interleaved relative coordinates in [0, 1]
     * @param hostImage the image file name the shape belongs to (relative to the .asf's folder)
     * @param path      each point's path (contour) number
     * @param from      each point's "connects from" neighbour
     * @param to        each point's "connects to" neighbour
     */
    public record Shape(float[] relative, String hostImage, int[] path, int[] from, int[] to) {
        public int count() { return path.length; }

        /** Pixel coordinates for an image of {@code width x height}. */
        public float[] toPixels(int width, int height) {
            float[] p = new float[relative.length];
            for (int i = 0; i < p.length; i += 2) {
                p[i] = relative[i] * width;
                p[i + 1] = relative[i + 1] * height;
            }
            return p;
        }
    }

    /** Parses an .asf file; the point count must equal {@code expectedPoints}. */
    public static Shape parse(Path asf, int expectedPoints) {
        List<String> lines;
        try {
            lines = Files.readAllLines(asf, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new DataFormatException(asf, 0, "cannot read shape file: " + Snippet.clean(e.getMessage()), e);
        }
        int n = -1, read = 0;
        float[] rel = null;
        int[] path = null, from = null, to = null;
        String host = null;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int lineNo = i + 1;
            if (n < 0) {
                try {
                    n = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(asf, lineNo, "expected the number of points, found " + Snippet.quote(t));
                }
                if (n != expectedPoints) throw new DataFormatException(asf, lineNo, "expected " + expectedPoints + " points, file says " + n);
                rel = new float[2 * n];
                path = new int[n]; from = new int[n]; to = new int[n];
            } else if (read < n) {
                String[] f = t.split("\\s+");
                if (f.length < 7) {
                    throw new DataFormatException(asf, lineNo, "expected point " + read + " as 'path type x y point# from to', found " + Snippet.quote(t) + " ("
                            + read + " of " + n + " points read)");
                }
                try {
                    path[read] = Integer.parseInt(f[0]);
                    rel[2 * read] = Float.parseFloat(f[2]);
                    rel[2 * read + 1] = Float.parseFloat(f[3]);
                    from[read] = Integer.parseInt(f[5]);
                    to[read] = Integer.parseInt(f[6]);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(asf, lineNo, "not a number in point line " + Snippet.quote(t));
                }
                read++;
            } else if (host == null) {
                host = t;
            }
        }
        if (n < 0) throw new DataFormatException(asf, lines.size(), "no point count");
        if (read < n) throw new DataFormatException(asf, lines.size(), "expected " + n + " points, found " + read);
        if (host == null) throw new DataFormatException(asf, lines.size(), "no host image name after the points");
        return new Shape(rel, host, path, from, to);
    }

    /** Reads one .asf as a sample, decoding its host image to learn the image size. */
    public static FaceSample read(Path asf, String subset) {
        Shape s = parse(asf, PointScheme.IMM_58.count());
        Path image;
        try {
            image = asf.resolveSibling(s.hostImage());
        } catch (InvalidPathException e) {
            throw new DataFormatException(asf, 0, "host image " + Snippet.quote(s.hostImage()) + " is not a file name");
        }
        int w, h;
        try (Mat m = ImageLoader.read(image, IMREAD_UNCHANGED)) {
            w = m.cols();
            h = m.rows();
        }
        return new FaceSample(asf.getFileName().toString(), image, s.toPixels(w, h), subset);
    }

    /** Loads every .asf in a folder (sorted by name). */
    public static Dataset load(Path dir, LoadMode mode) {
        if (!Files.isDirectory(dir)) throw new DataFormatException(dir, 0, "IMM folder not found");
        List<Path> files;
        try (Stream<Path> st = Files.list(dir)) {
            files = st.filter(p -> p.getFileName().toString().endsWith(".asf")).sorted().toList();
        } catch (IOException e) {
            throw new DataFormatException(dir, 0, "cannot list folder: " + e.getMessage(), e);
        }
        LoadProblems problems = new LoadProblems(mode);
        List<FaceSample> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(read(f, "imm"));
            } catch (DataFormatException e) {
                problems.report(e);
            }
        }
        return new Dataset("imm", out, problems.list());
    }
}
