package dev.facemark.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facemark.core.points.PointScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** NME, CED, AUC and failure rate against numbers worked out by hand. */
class MetricsTest {
    private static final PointScheme S = PointScheme.IBUG_68;

    /**
     * A ground-truth face with outer eye corners 36 = (0, 0), 45 = (100, 0): inter-ocular 100.
     * Right eye 37-41 at (12, 0) -> pupil (10, 0); left eye 42-44, 46, 47 at (88, 0) -> pupil (90, 0):
     * inter-pupil 80. Other points anywhere.
     */
    static float[] gt() {
        float[] g = new float[136];
        for (int i = 0; i < 68; i++) { g[2 * i] = 50; g[2 * i + 1] = 40 + i; }
        for (int i = 36; i <= 47; i++) { g[2 * i] = i <= 41 ? 12 : 88; g[2 * i + 1] = 0; }
        g[72] = 0; g[90] = 100;
        return g;
    }

    static float[] shifted(float[] g, float dx, float dy) {
        float[] p = g.clone();
        for (int i = 0; i < p.length; i += 2) { p[i] += dx; p[i + 1] += dy; }
        return p;
    }

    @Test
    void normalisingDistances() {
        assertEquals(100.0, Normalizer.INTER_OCULAR.distance(S, gt()), 1e-9);
        assertEquals(80.0, Normalizer.INTER_PUPIL.distance(S, gt()), 1e-9);
        assertThrows(UnsupportedOperationException.class, () -> Normalizer.INTER_OCULAR.distance(PointScheme.IMM_58, new float[116]));
    }

    @Test
    void aShiftOf3_4GivesFivePixelsPerPoint() {
        float[] g = gt(), p = shifted(g, 3, 4);
        double[] e = LandmarkErrors.pointErrors(p, g);
        for (double v : e) assertEquals(5.0, v, 1e-6);
        assertEquals(0.05, LandmarkErrors.nme(p, g, 100), 1e-7);
        Evaluator.Face f = new Evaluator(S).add("x", p, g);
        assertEquals(0.05, f.nme(), 1e-7);
        assertEquals(0.0625, f.nmeInterPupil(), 1e-7);
        assertEquals(0.05, f.pointNme()[0], 1e-7);
        assertThrows(IllegalArgumentException.class, () -> LandmarkErrors.nme(p, g, 0));
        assertThrows(IllegalArgumentException.class, () -> LandmarkErrors.pointErrors(new float[4], g));
    }

    @Test
    void oneBadPointShowsInPerPointErrors() {
        float[] g = gt(), p = g.clone();
        p[60] += 10; // point 30, 10 px = 0.1 inter-ocular
        Evaluator ev = new Evaluator(S);
        Evaluator.Face f = ev.add("x", p, g);
        assertEquals(0.1 / 68, f.nme(), 1e-8);
        EvaluationReport r = ev.report();
        assertEquals(0.1, r.perPoint()[30], 1e-7);
        assertEquals(0.0, r.perPoint()[29], 0);
    }

    @Test
    void cedAucAndFailureRateByHand() {
        CedCurve c = new CedCurve(new double[] {0.09, 0.02, 0.12, 0.05});
        // AUC@0.08 = ((0.08 - 0.02) + (0.08 - 0.05)) / 0.08 / 4 = 0.28125
        assertEquals(0.28125, c.auc(0.08), 1e-12);
        // AUC@0.10 = (0.08 + 0.05 + 0.01) / 0.10 / 4 = 0.35
        assertEquals(0.35, c.auc(0.10), 1e-12);
        assertEquals(0.5, c.failureRate(0.08), 1e-12);
        assertEquals(0.25, c.failureRate(0.10), 1e-12);
        assertEquals(0.07, c.mean(), 1e-12);
        assertEquals(0.07, c.median(), 1e-12);
        assertEquals(0.05, new CedCurve(new double[] {0.05, 0.01, 0.3}).median(), 0);
        // An error exactly at the threshold is not a failure and adds nothing to the area.
        CedCurve edge = new CedCurve(new double[] {0.08});
        assertEquals(0.0, edge.failureRate(0.08));
        assertEquals(0.0, edge.auc(0.08));
        assertEquals(1.0, new CedCurve(new double[] {0, 0}).auc(0.08));
        assertTrue(Double.isNaN(new CedCurve(new double[0]).auc(0.08)));
    }

    @Test
    void aucEqualsTheAreaUnderTheSampledCurve() {
        Random r = new Random(1);
        double[] e = new double[500];
        for (int i = 0; i < e.length; i++) e[i] = Math.abs(r.nextGaussian() * 0.05);
        CedCurve c = new CedCurve(e);
        int steps = 100_000;
        CedCurve.Points pts = c.sample(0.08, steps);
        assertEquals(steps + 1, pts.thresholds().length);
        assertEquals(0.0, pts.thresholds()[0]);
        assertEquals(0.08, pts.thresholds()[steps], 1e-15);
        double area = 0;
        for (int i = 1; i <= steps; i++) {
            area += 0.5 * (pts.fractions()[i] + pts.fractions()[i - 1]) * (pts.thresholds()[i] - pts.thresholds()[i - 1]);
            assertTrue(pts.fractions()[i] >= pts.fractions()[i - 1], "CED must not decrease");
        }
        assertEquals(area / 0.08, c.auc(0.08), 1e-4);
    }

    @Test
    void reportWithSubsetsAndJson(@TempDir Path dir) throws Exception {
        float[] g = gt();
        Evaluator ev = new Evaluator(S);
        // Per-face NMEs 0.02, 0.05 (subset a), 0.09, 0.12 (subset b): shift (0.6, 0.8) * 100 * nme.
        double[] nmes = {0.02, 0.05, 0.09, 0.12};
        for (int i = 0; i < 4; i++) {
            float k = (float) (100 * nmes[i]);
            ev.add(i < 2 ? "a" : "b", shifted(g, 0.6f * k, 0.8f * k), g);
        }
        EvaluationReport r = ev.report();
        assertEquals(4, r.faces());
        assertEquals(0.07, r.nme(), 1e-6);
        assertEquals(0.07, r.nmeMedian(), 1e-6);
        assertEquals(0.07 * 100 / 80, r.nmeInterPupil(), 1e-6);
        assertEquals(0.28125, r.auc08(), 1e-6);
        assertEquals(0.5, r.fr08());
        assertEquals(0.35, r.auc10(), 1e-6);
        assertEquals(0.25, r.fr10());
        assertEquals(2, r.subsets().size());
        EvaluationReport a = r.subsets().get("a");
        assertEquals(2, a.faces());
        assertEquals(0.035, a.nme(), 1e-6);
        assertEquals(0.0, a.fr08());
        assertEquals(1.0, r.subsets().get("b").fr08());

        Path json = dir.resolve("eval.json");
        r.writeJson(json);
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, n.get("faces").asInt());
        assertEquals(0.07, n.get("nme").asDouble(), 1e-6);
        assertEquals(0.07, n.get("nme_median").asDouble(), 1e-6);
        assertEquals(0.28125, n.get("auc08").asDouble(), 1e-6);
        assertEquals(0.5, n.get("fr08").asDouble());
        assertEquals(0.35, n.get("auc10").asDouble(), 1e-6);
        assertEquals(0.25, n.get("fr10").asDouble());
        assertEquals(2, n.get("subsets").get("a").get("faces").asInt());
        assertEquals(68, n.get("per_point_nme").size());
        assertEquals(101, n.get("ced").get("thresholds").size());
        EvaluationReport back = EvaluationReport.readJson(json);
        assertEquals(r.faces(), back.faces());
        assertEquals(r.nme(), back.nme());
        assertEquals(r.auc10(), back.auc10());
        assertArrayEquals(r.perPoint(), back.perPoint());
        assertArrayEquals(r.ced().fractions(), back.ced().fractions());
        assertEquals(r.subsets().get("b").fr10(), back.subsets().get("b").fr10());
        java.nio.file.Files.writeString(json, "{\"faces\": 3}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EvaluationReport.readJson(json)).getMessage().contains("'nme'"));
        assertEquals(0.25, n.get("ced").get("fractions").get(20).asDouble(), 1e-9); // 0.02 -> 1 of 4
        // One subset: no breakdown.
        Evaluator one = new Evaluator(S);
        one.add("only", g, g);
        assertTrue(one.report().subsets().isEmpty());
        assertEquals(1.0, one.report().auc08());
        assertTrue(r.summary().contains("4 faces"));
        assertThrows(java.io.UncheckedIOException.class, () -> r.writeJson(dir.resolve("no/such/dir/e.json")));
    }
}
