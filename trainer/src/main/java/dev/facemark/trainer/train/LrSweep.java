package dev.facemark.trainer.train;

import dev.facemark.trainer.report.LineChart;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Short runs of one configuration at several learning rates (same seed, same data), each in its own
 * sub-folder, and one chart of their training and validation curves: the seed study's way of picking a rate.
 */
public final class LrSweep {
    private LrSweep() {}

    /** Runs every rate and writes {@code out/lr-sweep.png} and {@code out/lr-sweep.csv}; returns each rate's history. */
    public static Map<Float, List<EpochRecord>> run(TrainConfig base, List<Float> rates, Path out, PrintStream log,
                                                    boolean progress) throws IOException {
        Map<Float, List<EpochRecord>> all = new LinkedHashMap<>();
        for (float lr : rates) {
            Path dir = out.resolve(String.format(Locale.ROOT, "lr-%.0e", lr));
            log.printf(Locale.ROOT, "== lr %.1e -> %s%n", lr, dir);
            TrainingRun.Result r = new TrainingRun(base.withLr(lr), dir, log, progress).run(true);
            all.put(lr, r.state().history());
        }
        chart(all, out.resolve("lr-sweep.png"));
        StringBuilder csv = new StringBuilder("lr,epoch,train_loss,val_loss,val_nme\n");
        List<String> best = new ArrayList<>();
        for (var e : all.entrySet()) {
            for (EpochRecord r : e.getValue()) {
                csv.append(String.format(Locale.ROOT, "%.1e,%d,%.6f,%.6f,%.6f%n", e.getKey(), r.epoch(), r.trainLoss(), r.valLoss(), r.valNme()));
            }
            double b = e.getValue().stream().mapToDouble(EpochRecord::valNme).min().orElse(Double.NaN);
            best.add(String.format(Locale.ROOT, "lr %.1e: best val NME %.4f", e.getKey(), b));
        }
        java.nio.file.Files.writeString(out.resolve("lr-sweep.csv"), csv.toString());
        best.forEach(log::println);
        return all;
    }

    public static void chart(Map<Float, List<EpochRecord>> all, Path png) throws IOException {
        LineChart c = new LineChart("Learning-rate sweep: training (solid) and validation loss", "epoch", "loss").logY();
        for (var e : all.entrySet()) {
            String name = String.format(Locale.ROOT, "lr %.0e", e.getKey());
            for (EpochRecord r : e.getValue()) {
                c.add(name + " train", r.epoch(), r.trainLoss());
                c.add(name + " val", r.epoch(), r.valLoss());
            }
        }
        c.write(png, 900, 550);
    }
}
