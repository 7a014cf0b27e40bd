package dev.facemark.trainer.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A PNG line chart of named series (loss curves, LR comparisons, CED curves), drawn headless with JFreeChart. */
public final class LineChart {
    private final String title, xLabel, yLabel;
    private final Map<String, XYSeries> series = new LinkedHashMap<>();
    private boolean logY;

    public LineChart(String title, String xLabel, String yLabel) {
        System.setProperty("java.awt.headless", "true");
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart logY() { this.logY = true; return this; }

    public LineChart add(String name, double x, double y) {
        if (Double.isFinite(y) && (!logY || y > 0)) series.computeIfAbsent(name, n -> new XYSeries(n, false, true)).add(x, y);
        return this;
    }

    public int seriesCount() { return series.size(); }

    public void write(Path png, int width, int height) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (logY) plot.setRangeAxis(new LogAxis(yLabel));
        ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
    }
}
