package dev.facemark.tracker.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One PNG per bench: on top, per-stage latency bars (p50 and p99 of every run side by side, so models
 * and render/no-render compare at a glance); below, the per-frame end-to-end timeline of every run,
 * where stalls (detector frames, GC, a busy neighbour on the machine) show as spikes. Drawn headless.
 */
public final class BenchChart {
    private static final int WIDTH = 1400, BAR_HEIGHT = 560, LINE_HEIGHT = 440;

    private BenchChart() {}

    public static void write(Path png, List<BenchResult> runs) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, BAR_HEIGHT + LINE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            bars(runs).draw(g, new Rectangle2D.Double(0, 0, WIDTH, BAR_HEIGHT));
            timeline(runs).draw(g, new Rectangle2D.Double(0, BAR_HEIGHT, WIDTH, LINE_HEIGHT));
        } finally {
            g.dispose();
        }
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (java.io.OutputStream os = Files.newOutputStream(png)) {
                ChartUtils.writeBufferedImageAsPNG(os, img);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    static JFreeChart bars(List<BenchResult> runs) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        // Stage order first, runs inside, so categories keep the pipeline's order even when a stage only some runs have.
        for (String stage : runs.get(0).stages().keySet()) {
            for (BenchResult r : runs) {
                LatencyStats s = r.stages().get(stage);
                if (s == null || s.count() == 0) continue;
                d.addValue(s.p50Ms(), r.label() + " p50", stage);
                d.addValue(s.p99Ms(), r.label() + " p99", stage);
            }
        }
        for (BenchResult r : runs) {
            d.addValue(r.e2e().p50Ms(), r.label() + " p50", "e2e");
            d.addValue(r.e2e().p99Ms(), r.label() + " p99", "e2e");
        }
        JFreeChart c = ChartFactory.createBarChart("Latency per stage (ms), p50 and p99", "stage", "ms", d,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot p = c.getCategoryPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return c;
    }

    static JFreeChart timeline(List<BenchResult> runs) {
        XYSeriesCollection d = new XYSeriesCollection();
        for (BenchResult r : runs) {
            XYSeries s = new XYSeries(String.format(java.util.Locale.ROOT, "%s (%.0f frames/s)", r.label(), r.fps()), false, true);
            float[] t = r.timelineMs();
            // A few thousand points are plenty for a 1400 px wide chart: keep each bucket's maximum (spikes stay visible).
            int step = Math.max(1, t.length / 4000);
            for (int i = 0; i < t.length; i += step) {
                float max = 0;
                for (int k = i; k < Math.min(t.length, i + step); k++) max = Math.max(max, t[k]);
                s.add(i, max);
            }
            d.addSeries(s);
        }
        JFreeChart c = ChartFactory.createXYLineChart("End-to-end latency per frame", "frame (after warm-up)", "ms", d,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot p = c.getXYPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        p.setRenderer(lr);
        return c;
    }
}
