package dev.facemark.core.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Landmark accuracy of one evaluation. All errors are fractions of the normalising distance (0.05 =
 * 5% of the inter-ocular distance), never percent.
 *
 * @param faces         number of faces evaluated
 * @param nme           mean inter-ocular NME (outer eye corners)
 * @param nmeMedian     median inter-ocular NME
 * @param nmeInterPupil mean inter-pupil NME
 * @param auc08         CED area up to 0.08 divided by 0.08 (inter-ocular NME)
 * @param fr08          fraction of faces with inter-ocular NME above 0.08
 * @param auc10         CED area up to 0.10 divided by 0.10
 * @param fr10          fraction of faces with inter-ocular NME above 0.10
 * @param perPoint      mean inter-ocular-normalised error of each point
 * @param ced           the inter-ocular CED sampled from 0 to 0.10
 * @param subsets       the same numbers per subset tag (empty when there is only one subset)
 */
public record EvaluationReport(int faces, double nme, double nmeMedian, double nmeInterPupil,
                               double auc08, double fr08, double auc10, double fr10,
                               double[] perPoint, CedCurve.Points ced, Map<String, EvaluationReport> subsets) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReport {
        subsets = new TreeMap<>(subsets);
    }

    /** Report as an ordered map with snake_case keys (what {@link #toJson()} writes). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("faces", faces);
        m.put("nme", nme);
        m.put("nme_median", nmeMedian);
        m.put("nme_inter_pupil", nmeInterPupil);
        m.put("auc08", auc08);
        m.put("fr08", fr08);
        m.put("auc10", auc10);
        m.put("fr10", fr10);
        m.put("normalisation", "inter-ocular (outer eye corners); fractions, not percent");
        if (perPoint != null) m.put("per_point_nme", perPoint);
        if (ced != null) m.put("ced", Map.of("thresholds", ced.thresholds(), "fractions", ced.fractions()));
        if (!subsets.isEmpty()) {
            Map<String, Object> s = new LinkedHashMap<>();
            for (var e : subsets.entrySet()) s.put(e.getKey(), e.getValue().toMap());
            m.put("subsets", s);
        }
        return m;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the report as pretty-printed JSON; failure names the file. */
    public void writeJson(Path file) {
        try {
            JSON.writeValue(file.toFile(), toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evaluation report " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a report written by {@link #writeJson} (for comparing runs); a missing or non-numeric
     * key is an IllegalArgumentException naming the file and the key.
     */
    public static EvaluationReport readJson(Path file) {
        com.fasterxml.jackson.databind.JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evaluation report " + file + ": " + e.getMessage(), e);
        }
        return fromJson(n, file.toString());
    }

    private static EvaluationReport fromJson(com.fasterxml.jackson.databind.JsonNode n, String where) {
        double[] perPoint = null;
        if (n.has("per_point_nme")) {
            perPoint = new double[n.get("per_point_nme").size()];
            for (int i = 0; i < perPoint.length; i++) perPoint[i] = n.get("per_point_nme").get(i).asDouble();
        }
        CedCurve.Points ced = null;
        if (n.has("ced")) ced = new CedCurve.Points(doubles(n.get("ced").get("thresholds")), doubles(n.get("ced").get("fractions")));
        Map<String, EvaluationReport> subs = new TreeMap<>();
        if (n.has("subsets")) {
            var it = n.get("subsets").fields();
            while (it.hasNext()) {
                var e = it.next();
                subs.put(e.getKey(), fromJson(e.getValue(), where + " subset " + e.getKey()));
            }
        }
        return new EvaluationReport((int) num(n, "faces", where), num(n, "nme", where), num(n, "nme_median", where),
                num(n, "nme_inter_pupil", where), num(n, "auc08", where), num(n, "fr08", where),
                num(n, "auc10", where), num(n, "fr10", where), perPoint, ced, subs);
    }

    private static double num(com.fasterxml.jackson.databind.JsonNode n, String key, String where) {
        var v = n.get(key);
        if (v == null) throw new IllegalArgumentException(where + ": evaluation report has no '" + key + "'");
        if (v.isNumber()) return v.asDouble();
        if (v.isTextual() && v.asText().equals("NaN")) return Double.NaN;
        throw new IllegalArgumentException(where + ": '" + key + "' is not a number");
    }

    private static double[] doubles(com.fasterxml.jackson.databind.JsonNode a) {
        double[] d = new double[a == null ? 0 : a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).asDouble();
        return d;
    }

    /** One line for logs: "554 faces: NME 4.12% (median 3.80%), AUC@0.08 0.512, FR@0.08 2.3%". */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%d faces: NME %.2f%% (median %.2f%%, inter-pupil %.2f%%), AUC@0.08 %.3f, FR@0.08 %.1f%%, AUC@0.10 %.3f, FR@0.10 %.1f%%",
                faces, 100 * nme, 100 * nmeMedian, 100 * nmeInterPupil, auc08, 100 * fr08, auc10, 100 * fr10);
    }
}
