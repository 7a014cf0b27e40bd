package dev.facemark.trainer.report;

import dev.facemark.core.metrics.CedCurve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Cumulative error distribution curves (fraction of faces with NME <= x), one series per model or subset. */
public final class CedChart {
    private CedChart() {}

    public static void write(Path png, String title, Map<String, double[]> nmeBySeries, double max) throws IOException {
        LineChart c = new LineChart(title, "NME (inter-ocular)", "fraction of faces");
        for (var e : nmeBySeries.entrySet()) {
            CedCurve.Points p = new CedCurve(e.getValue()).sample(max, 200);
            for (int i = 0; i < p.thresholds().length; i++) c.add(e.getKey(), p.thresholds()[i], p.fractions()[i]);
        }
        c.write(png, 800, 500);
    }
}
