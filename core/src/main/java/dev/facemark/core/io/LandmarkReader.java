package dev.facemark.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facemark.core.Snippet;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads landmark files written by {@link LandmarkJsonlWriter} or {@link LandmarkCsvWriter} (chosen by
 * extension: {@code .csv} or JSON Lines). Unknown JSON keys are ignored; a malformed line is a
 * {@link LandmarkFileException} naming {@code file:line}. Non-finite numbers are read as the writers
 * spell them: {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (JSON strings) and
 * {@code NaN}, {@code Infinity}, {@code -Infinity} (CSV).
 */
public final class LandmarkReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LandmarkReader() {}

    public static List<LandmarkRecord> read(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(file) : readJsonl(file);
    }

    public static List<LandmarkRecord> readJsonl(Path file) {
        List<LandmarkRecord> out = new ArrayList<>();
        int n = 0;
        try (BufferedReader r = open(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode o;
                try {
                    o = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw bad(file, n, "not valid JSON: " + Snippet.clean(e.getOriginalMessage()));
                }
                out.add(record(file, n, o));
            }
        } catch (CharacterCodingException e) {
            throw bad(file, n + 1, "not UTF-8 text");
        } catch (IOException e) {
            throw new LandmarkFileException(file, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static LandmarkRecord record(Path file, int n, JsonNode o) {
        if (o == null || !o.isObject()) throw bad(file, n, "expected one JSON object per line");
        long frame = integer(file, n, o, "frame");
        double time = number(file, n, o, "time_ms");
        JsonNode src = o.get("source");
        String source = src == null || src.isNull() ? null : src.asText();
        JsonNode faces = o.get("faces");
        if (faces == null || !faces.isArray()) throw bad(file, n, "missing 'faces' array");
        List<LandmarkRecord.Face> fs = new ArrayList<>();
        for (JsonNode f : faces) {
            if (!f.isObject()) throw bad(file, n, "each face must be an object");
            long longId = integer(file, n, f, "id");
            if (longId != (int) longId) throw bad(file, n, "face id " + longId + " is out of range");
            int id = (int) longId;
            float score = (float) number(file, n, f, "score");
            float[] box = optionalArray(file, n, f, "box");
            JsonNode lm = f.get("landmarks");
            if (lm == null || !lm.isArray()) throw bad(file, n, "face " + id + ": missing 'landmarks' array");
            float[] pts = new float[2 * lm.size()];
            for (int i = 0; i < lm.size(); i++) {
                JsonNode p = lm.get(i);
                if (!p.isArray() || p.size() != 2) throw bad(file, n, "face " + id + ": landmark " + i + " is not [x, y]");
                pts[2 * i] = num(file, n, p.get(0), "landmark " + i);
                pts[2 * i + 1] = num(file, n, p.get(1), "landmark " + i);
            }
            float[] pose = null;
            JsonNode ps = f.get("pose");
            if (ps != null && !ps.isNull()) {
                pose = new float[] {(float) number(file, n, ps, "yaw"), (float) number(file, n, ps, "pitch"), (float) number(file, n, ps, "roll")};
            }
            float[] scores = optionalArray(file, n, f, "point_scores");
            try {
                fs.add(new LandmarkRecord.Face(id, box, score, pts, pose, scores));
            } catch (IllegalArgumentException e) {
                throw bad(file, n, "face " + id + ": " + Snippet.clean(e.getMessage()));
            }
        }
        return new LandmarkRecord(frame, time, source, fs);
    }

    public static List<LandmarkRecord> readCsv(Path file) {
        List<LandmarkRecord> out = new ArrayList<>();
        int n = 1;
        try (BufferedReader r = open(file)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("frame,time_ms,face_id,score")) {
                throw bad(file, 1, "expected header 'frame,time_ms,face_id,score,x0,y0,...'");
            }
            int cols = header.split(",", -1).length;
            if (cols < 6 || (cols - 4) % 2 != 0) throw bad(file, 1, "header needs x,y pairs after score");
            String line;
            long curFrame = Long.MIN_VALUE;
            double curTime = 0;
            List<LandmarkRecord.Face> faces = new ArrayList<>();
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != cols) throw bad(file, n, "expected " + cols + " fields like the header, found " + f.length);
                long frame;
                double time;
                try {
                    frame = Long.parseLong(f[0].trim());
                    time = Double.parseDouble(f[1].trim());
                } catch (NumberFormatException e) {
                    throw bad(file, n, "frame and time_ms must be numbers");
                }
                if (frame != curFrame) {
                    if (curFrame != Long.MIN_VALUE) out.add(new LandmarkRecord(curFrame, curTime, faces));
                    curFrame = frame;
                    curTime = time;
                    faces = new ArrayList<>();
                }
                if (f[2].isBlank()) continue; // a frame without faces
                int id;
                try {
                    id = Integer.parseInt(f[2].trim());
                } catch (NumberFormatException e) {
                    throw bad(file, n, "face_id " + Snippet.quote(f[2]) + " is not an integer");
                }
                float score = csvFloat(file, n, f, 3, "score");
                float[] pts = new float[cols - 4];
                for (int i = 0; i < pts.length; i++) pts[i] = csvFloat(file, n, f, 4 + i, (i % 2 == 0 ? "x" : "y") + i / 2);
                faces.add(new LandmarkRecord.Face(id, null, score, pts, null, null));
            }
            if (curFrame != Long.MIN_VALUE) out.add(new LandmarkRecord(curFrame, curTime, faces));
        } catch (CharacterCodingException e) {
            throw bad(file, n + 1, "not UTF-8 text");
        } catch (IOException e) {
            throw new LandmarkFileException(file, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static BufferedReader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LandmarkFileException(file, "landmark file " + file + " not found", e);
        } catch (IOException e) {
            throw new LandmarkFileException(file, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static float csvFloat(Path file, int n, String[] f, int i, String column) {
        try {
            return Float.parseFloat(f[i].trim());
        } catch (NumberFormatException e) {
            throw bad(file, n, column + " " + Snippet.quote(f[i]) + " is not a number");
        }
    }

    private static LandmarkFileException bad(Path file, int line, String msg) {
        return new LandmarkFileException(file, file + ":" + line + ": " + msg);
    }

    private static long integer(Path file, int n, JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) throw bad(file, n, "missing or non-integer '" + key + "'");
        return v.asLong();
    }

    private static double number(Path file, int n, JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null) throw bad(file, n, "missing '" + key + "'");
        if (v.isNumber()) return v.doubleValue(); // time_ms keeps double precision
        return num(file, n, v, key);
    }

    private static float num(Path file, int n, JsonNode v, String what) {
        if (v.isNumber()) return v.floatValue();
        if (v.isTextual()) { // Jackson's spelling of non-finite numbers
            switch (v.asText()) {
                case "NaN" -> { return Float.NaN; }
                case "Infinity" -> { return Float.POSITIVE_INFINITY; }
                case "-Infinity" -> { return Float.NEGATIVE_INFINITY; }
                default -> { }
            }
        }
        throw bad(file, n, "'" + what + "' is not a number");
    }

    private static float[] optionalArray(Path file, int n, JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw bad(file, n, "'" + key + "' is not an array");
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = num(file, n, v.get(i), key);
        return a;
    }
}
