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

    /** One line for logs: "554 faces: NME 4.12% (median 3.80%), AUC@0.08 0.512, FR@0.08 2.3%". */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%d faces: NME %.2f%% (median %.2f%%, inter-pupil %.2f%%), AUC@0.08 %.3f, FR@0.08 %.1f%%, AUC@0.10 %.3f, FR@0.10 %.1f%%",
                faces, 100 * nme, 100 * nmeMedian, 100 * nmeInterPupil, auc08, 100 * fr08, auc10, 100 * fr10);
    }
}
