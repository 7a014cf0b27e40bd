package dev.facemark.core.data;

import dev.facemark.core.Snippet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The 300-W {@code .pts} landmark file: {@code version: 1}, {@code n_points: 68}, <code>{</code>,
 * one {@code x y} line per point, <code>}</code>. The files put the centre of the top-left pixel at
 * (1, 1); this class converts to and from the project's 0-based pixel centres.
 */
public final class PtsFile {
    private PtsFile() {}

    /** Reads a .pts file into 0-based interleaved points; exactly {@code expectedPoints} must be present. */
    public static float[] read(Path file, int expectedPoints) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, 0, "not a text landmark file (not UTF-8)", e);
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "cannot read landmark file: " + Snippet.clean(e.getMessage()), e);
        }
        int i = 0;
        int declared = -1;
        // Header: "key: value" lines up to the opening brace.
        for (; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.equals("{")) break;
            if (t.isEmpty() || t.startsWith("version")) continue;
            if (t.startsWith("n_points")) {
                String v = t.substring(t.indexOf(':') + 1).trim();
                try {
                    declared = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file, i + 1, "n_points is not a number: " + Snippet.quote(v));
                }
                continue;
            }
            throw new DataFormatException(file, i + 1, "unexpected header line " + Snippet.quote(t) + " (expected version, n_points or '{')");
        }
        if (i >= lines.size()) throw new DataFormatException(file, lines.size(), "no '{' opening the point list");
        if (declared >= 0 && declared != expectedPoints) {
            throw new DataFormatException(file, headerLine(lines), "expected " + expectedPoints + " points, n_points says " + declared);
        }
        float[] pts = new float[2 * expectedPoints];
        int n = 0;
        for (i = i + 1; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty()) continue;
            if (t.equals("}")) {
                if (n != expectedPoints) {
                    throw new DataFormatException(file, i + 1, "expected " + expectedPoints + " points, found " + n);
                }
                return pts;
            }
            String[] xy = t.split("\\s+");
            if (xy.length != 2) throw new DataFormatException(file, i + 1, "expected 'x y', found " + Snippet.quote(t));
            if (n >= expectedPoints) {
                throw new DataFormatException(file, i + 1, "expected " + expectedPoints + " points, found more");
            }
            try {
                pts[2 * n] = Float.parseFloat(xy[0]) - 1f;
                pts[2 * n + 1] = Float.parseFloat(xy[1]) - 1f;
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, i + 1, "not a number in " + Snippet.quote(t));
            }
            if (!Float.isFinite(pts[2 * n]) || !Float.isFinite(pts[2 * n + 1])) {
                throw new DataFormatException(file, i + 1, "coordinate is not finite: " + Snippet.quote(t));
            }
            n++;
        }
        throw new DataFormatException(file, lines.size(), "no '}' closing the point list (" + n + " points read)");
    }

    private static int headerLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).trim().startsWith("n_points")) return i + 1;
        return 0;
    }

    /** Writes 0-based interleaved points as a 300-W .pts file (adding 1 back). */
    public static void write(Path file, float[] points) {
        StringBuilder sb = new StringBuilder();
        sb.append("version: 1\n").append("n_points:  ").append(points.length / 2).append("\n{\n");
        for (int i = 0; i + 1 < points.length; i += 2) {
            sb.append(String.format(Locale.ROOT, "%.3f %.3f%n", points[i] + 1f, points[i + 1] + 1f));
        }
        sb.append("}\n");
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
