package dev.facemark.trainer.cli;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.metrics.EvaluationReport;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.trainer.eval.EvalData;
import dev.facemark.trainer.eval.FaceResult;
import dev.facemark.trainer.eval.ModelEvaluation;
import dev.facemark.trainer.model.Checkpoint;
import dev.facemark.trainer.report.CedChart;
import dev.facemark.trainer.report.FilterGrid;
import dev.facemark.trainer.report.HeatmapPanel;
import dev.facemark.trainer.report.HtmlReport;
import dev.facemark.trainer.report.LineChart;
import dev.facemark.trainer.report.PredictionGallery;
import dev.facemark.trainer.train.EpochLog;
import dev.facemark.trainer.train.EpochRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code trainer report}: one HTML page with pictures from real runs and models. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes OUT/index.html with PNGs: loss curves of runs, a learning-rate comparison, sample predictions",
                "(green) against the truth (red), the worst failures, heatmaps of chosen points, and first-layer filters."})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--run", description = "training run folder (repeatable): loss curves, filters from best/") List<Path> runs = new ArrayList<>();
    @Option(names = "--sweep", description = "lr-sweep folder") Path sweep;
    @Option(names = "--model", description = "ONNX model for predictions (default: the first run's model.onnx)") Path model;
    @Option(names = "--heatmap-model", description = "ONNX heatmap model for the heatmap panel (default: --model when it has heatmaps)") Path heatmapModel;
    @Option(names = "--data", defaultValue = "../shared/data/300w", description = "faces to show (default: ${DEFAULT-VALUE})") Path data;
    @Option(names = "--split", defaultValue = "common") String split;
    @Option(names = "--faces", defaultValue = "120", description = "evaluate this many faces (spread over the split)") int faceCount;
    @Option(names = "--points", split = ",", defaultValue = "30,36,45,48,57", description = "points for the heatmap panel") int[] points;
    @Option(names = "--out", required = true, description = "report folder") Path out;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        HtmlReport html = new HtmlReport("facemark training report");
        for (Path r : runs) if (!Files.isRegularFile(r.resolve("log.csv"))) throw new UserException(r + " is not a run folder (no log.csv)");
        if (!runs.isEmpty()) lossCurves(html);
        if (sweep != null) lrComparison(html);
        Path m = model != null ? model : runs.stream().map(r -> r.resolve("model.onnx")).filter(Files::isRegularFile).findFirst().orElse(null);
        Dataset faces = null;
        if (m != null || heatmapModel != null) faces = spread(EvalData.load(data, split), faceCount);
        if (m != null) predictions(html, m, faces);
        Path hm = heatmapModel != null ? heatmapModel : m;
        if (hm != null) heatmaps(html, hm, faces);
        for (Path r : runs) filters(html, r);
        html.write(out.resolve("index.html"));
        System.out.println("wrote " + out.resolve("index.html"));
        return 0;
    }

    private void lossCurves(HtmlReport html) throws IOException {
        html.section("Loss curves", "Mean L1/MSE loss on coordinates divided by the input size, per epoch; validation faces are held out of the training splits by clip.");
        LineChart loss = new LineChart("Training and validation loss", "epoch", "loss").logY();
        LineChart nme = new LineChart("Validation NME (inter-ocular)", "epoch", "NME");
        List<String[]> rows = new ArrayList<>();
        for (Path r : runs) {
            List<EpochRecord> h = EpochLog.read(r.resolve("log.csv"));
            String name = r.getFileName().toString();
            for (EpochRecord e : h) {
                loss.add(name + " train", e.epoch(), e.trainLoss());
                loss.add(name + " val", e.epoch(), e.valLoss());
                nme.add(name, e.epoch(), e.valNme());
            }
            EpochRecord best = h.stream().min(Comparator.comparingDouble(EpochRecord::valNme)).orElse(null);
            if (best != null) {
                rows.add(new String[] {name, Integer.toString(h.size()), Integer.toString(best.epoch()),
                        String.format(Locale.ROOT, "%.2f%%", 100 * best.valNme()),
                        String.format(Locale.ROOT, "%.1f", h.stream().mapToDouble(EpochRecord::imagesPerSecond).average().orElse(0))});
            }
        }
        loss.write(out.resolve("loss.png"), 900, 500);
        nme.write(out.resolve("val-nme.png"), 900, 400);
        html.table(new String[] {"run", "epochs", "best epoch", "best val NME", "train img/s"}, rows);
        html.image("loss.png", "training (and validation) loss per epoch").image("val-nme.png", "validation NME per epoch");
    }

    private void lrComparison(HtmlReport html) throws IOException {
        Path png = sweep.resolve("lr-sweep.png");
        if (!Files.isRegularFile(png)) throw new UserException(sweep + " has no lr-sweep.png: run 'trainer lr-sweep --out " + sweep + "' first");
        Files.copy(png, out.resolve("lr-sweep.png"), StandardCopyOption.REPLACE_EXISTING);
        html.section("Learning-rate comparison", "Short runs with the same seed and data at each rate.");
        html.image("lr-sweep.png", "loss curves per learning rate");
    }

    private void predictions(HtmlReport html, Path m, Dataset faces) throws IOException {
        ModelEvaluation.Outcome o;
        try (LandmarkModel lm = LandmarkModel.open(m, RuntimeOptions.cpu(2))) {
            o = ModelEvaluation.run(lm, faces, ModelEvaluation.Protocol.GT, null);
        }
        EvaluationReport r = o.report();
        html.section("Predictions: " + m.getFileName(), faces.name() + ", " + r.summary()
                + ". Green: prediction, red: ground truth; crops from the ground-truth landmark box.");
        Map<String, double[]> ced = new LinkedHashMap<>();
        ced.put(m.getFileName().toString(), o.faces().stream().mapToDouble(FaceResult::nme).toArray());
        CedChart.write(out.resolve("ced.png"), "CED on " + faces.name(), ced, 0.10);
        html.image("ced.png", "cumulative error distribution");
        List<FaceResult> all = o.faces();
        List<FaceResult> samples = new ArrayList<>();
        for (int i = 0; i < 8 && i < all.size(); i++) samples.add(all.get(i * all.size() / Math.min(8, all.size())));
        PredictionGallery.write(samples, 4, out.resolve("samples.png"));
        html.image("samples.png", "sample predictions (evenly spread over the split)");
        List<FaceResult> worst = all.stream().sorted(Comparator.comparingDouble(FaceResult::nme).reversed()).limit(8).toList();
        PredictionGallery.write(worst, 4, out.resolve("failures.png"));
        html.image("failures.png", "the worst failures (highest NME)");
    }

    private void heatmaps(HtmlReport html, Path m, Dataset faces) {
        try (LandmarkModel lm = LandmarkModel.open(m, RuntimeOptions.cpu(2))) {
            if (lm.contract().outputKind() != OutputKind.HEATMAPS) return;
            for (int p : points) {
                if (p < 0 || p >= lm.contract().points()) throw new UserException("--points: " + p + " is not a point of " + m.getFileName());
            }
            List<FaceSample> few = faces.samples().subList(0, Math.min(3, faces.size()));
            HeatmapPanel.write(lm, few, points, out.resolve("heatmaps.png"));
            html.section("Heatmaps: " + m.getFileName(), "The model's probability map for points " + java.util.Arrays.toString(points)
                    + " over its input crop (soft-argmax of these maps gives the landmarks).");
            html.image("heatmaps.png", "heatmaps of chosen points, one row per face");
        }
    }

    private void filters(HtmlReport html, Path run) throws IOException {
        Path best = run.resolve("best");
        if (!Files.isRegularFile(best.resolve(Checkpoint.JSON))) return;
        try (Checkpoint c = Checkpoint.load(best)) {
            String file = "filters-" + run.getFileName() + ".png";
            int n = FilterGrid.write(c.net(), out.resolve(file));
            html.section("First-layer filters: " + run.getFileName(), n + " learned filters of the first convolution (" + c.net() + ").");
            html.image(file, "first-layer filters, each scaled to its own range");
        } catch (IllegalArgumentException e) {
            // A run from an older version of its architecture: the rest of the report is still useful.
            System.err.println("report: no filters for " + run + ": " + e.getMessage());
        }
    }

    /** {@code n} faces spread evenly over the dataset (all when n <= 0 or larger). */
    static Dataset spread(Dataset d, int n) {
        if (n <= 0 || n >= d.size()) return d;
        List<FaceSample> s = new ArrayList<>(n);
        for (int i = 0; i < n; i++) s.add(d.get((int) ((long) i * d.size() / n)));
        return new Dataset(d.name(), s);
    }
}
