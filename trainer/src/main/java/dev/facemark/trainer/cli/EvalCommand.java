package dev.facemark.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.facemark.core.data.Dataset;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.metrics.EvaluationReport;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.trainer.eval.BoxMode;
import dev.facemark.trainer.eval.EvalData;
import dev.facemark.trainer.eval.FaceResult;
import dev.facemark.trainer.eval.ModelEvaluation;
import dev.facemark.trainer.report.CedChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code trainer eval}: accuracy of an exported ONNX model on a test split, through the tracker's runtime. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates an exported .onnx model on annotated faces (300-W common/challenging/full, YouTube-Faces test).",
                "Prints NME (inter-ocular, inter-pupil), median, AUC@0.08, FR@0.08 and per-subset numbers;",
                "--json writes them as fractions (keys faces, nme, nme_median, auc08, fr08, ...) and a CED plot next to it."})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "exported ONNX model") Path model;
    @Option(names = "--data", required = true, description = "300-W folder (e.g. ../shared/data/300w) or YouTube-Faces folder (../shared/data/ytf)")
    Path data;
    @Option(names = "--split", defaultValue = "common", description = "300-W: common, challenging, full; YTF: test; val: the training runs' validation faces"
            + " (--data: the root holding 300w/ and ytf/; train's default --val-fraction and --seed) (default: ${DEFAULT-VALUE})")
    String split;
    @Option(names = "--boxes", paramLabel = "gt|detector",
            description = "gt (ground-truth landmark box) or detector (the --detector's boxes through the model's calibration for it); "
                    + "haar and yunet are deprecated for --boxes detector --detector haar|yunet (default: gt, detector when --detector is given)")
    String boxes;
    @Mixin DetectorOption detector;
    @Option(names = "--json", description = "write the report here") Path json;
    @Option(names = "--ced", description = "CED plot PNG (default: next to --json)") Path ced;
    @Option(names = "--predictions", description = "per-face CSV: name, subset, nme, detected, predicted and true points") Path predictions;
    @Option(names = "--threads", defaultValue = "2", description = "ONNX Runtime threads") int threads;
    @Option(names = "--flip", negatable = true, description = "flip test-time augmentation: each face also runs mirrored, the answers averaged"
            + " (twice the inference); default: as the model's metadata says (off for the shipped models)")
    Boolean flip;
    @Option(names = "--roll", paramLabel = "DEG", defaultValue = "0",
            description = "turn every image (and its annotation) by DEG degrees, clockwise on screen, before detecting and fitting: faces of people who lean, phones held sideways (default: ${DEFAULT-VALUE})")
    double roll;
    @Option(names = "--occlude", paramLabel = "SHARE", defaultValue = "0",
            description = "paint a flat grey patch over SHARE (0-1) of every face's ground-truth box, the same patch for every model,"
                    + " before detecting and fitting: hands, cups, microphones; hidden points are still scored (default: ${DEFAULT-VALUE})")
    double occlude;
    @Option(names = "--every", paramLabel = "K", defaultValue = "1", description = "evaluate every K-th face only (quick sweeps; default: ${DEFAULT-VALUE})")
    int every;
    @Option(names = "--refine", defaultValue = "0", description = "extra passes cropped from the previous pass's points, de-rotated, as the tracker does on every frame after the first (default: ${DEFAULT-VALUE})") int refine;

    @Override
    public Integer call() throws IOException {
        BoxMode mode;
        String named;
        try {
            String b = boxes != null ? boxes : detector.given() ? "detector" : "gt";
            mode = BoxMode.parse(b);
            named = BoxMode.detectorName(b);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (mode == BoxMode.GT && detector.given()) throw new UserException("--boxes gt runs no detector; drop --detector or give --boxes detector");
        Detectors.Spec spec = mode == BoxMode.GT ? null : detector.spec(named);
        if (refine < 0) throw new UserException("--refine must be >= 0, got " + refine);
        if (every < 1) throw new UserException("--every must be >= 1, got " + every);
        if (!Double.isFinite(roll) || Math.abs(roll) > 180) throw new UserException("--roll must be within -180..180 degrees, got " + roll);
        if (!(occlude >= 0 && occlude <= 1)) throw new UserException("--occlude must be a share of the face box in 0..1, got " + occlude);
        if (json != null) requireWritable(json);
        Dataset faces = EvalData.load(data, split);
        if (faces.isEmpty()) throw new UserException(data + " split '" + split + "' has no faces");
        PrintStream out = System.out;
        ModelEvaluation.Outcome o;
        boolean flipped;
        String detectorName = spec == null ? null : spec.kind();
        try (FaceDetector det = spec == null ? null : detector.open(spec);
             LandmarkModel m = LandmarkModel.open(model, RuntimeOptions.cpu(threads))) {
            if (flip != null) m.setFlipTest(flip);
            flipped = m.flipTest();
            out.printf(Locale.ROOT, "evaluating %s (%s, %dx%d) on %s: %d faces, %s boxes%s%s%s%n", model, m.contract().architecture(),
                    m.contract().inputWidth(), m.contract().inputHeight(), faces.name(), faces.size(),
                    det == null ? "gt" : "detector (" + det.name() + ")",
                    refine == 0 ? "" : ", " + refine + " tracking-mode refinement pass(es)", flipped ? ", flip-averaged" : "",
                    occlude == 0 ? "" : String.format(Locale.ROOT, ", %.0f%% of each face box occluded", 100 * occlude));
            o = ModelEvaluation.run(m, faces, new ModelEvaluation.Protocol(det, refine, roll, occlude, every), null);
        }
        EvaluationReport r = o.report();
        out.println("all: " + r.summary());
        for (var e : r.subsets().entrySet()) out.println(e.getKey() + ": " + e.getValue().summary());
        if (mode == BoxMode.DETECTOR) {
            out.printf(Locale.ROOT, "%s detector missed %d of %d faces (ground-truth box used for those)%n", detectorName, o.detectorMisses(), r.faces());
        }
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>(r.toMap());
            m.put("model", model.toString());
            m.put("data", data.toString());
            m.put("split", split);
            m.put("boxes", mode.name().toLowerCase());
            m.put("refine", refine);
            m.put("flip", flipped);
            m.put("roll_degrees", roll);
            m.put("occluded_share", occlude);
            m.put("every", every);
            if (mode == BoxMode.DETECTOR) {
                m.put("detector", detectorName);
                m.put("detector_misses", o.detectorMisses());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), m);
            out.println("wrote " + json);
        }
        Path cedPng = ced != null ? ced : json != null ? sibling(json, "-ced.png") : null;
        if (cedPng != null) {
            Map<String, double[]> series = new TreeMap<>();
            series.put("all (" + r.faces() + ")", o.faces().stream().mapToDouble(FaceResult::nme).toArray());
            for (String s : r.subsets().keySet()) {
                series.put(s, o.faces().stream().filter(f -> f.subset().equals(s)).mapToDouble(FaceResult::nme).toArray());
            }
            CedChart.write(cedPng, "CED: " + model.getFileName() + " on " + faces.name(), series, 0.10);
            out.println("wrote " + cedPng);
        }
        if (predictions != null) writePredictions(predictions, o);
        return 0;
    }

    static void writePredictions(Path file, ModelEvaluation.Outcome o) throws IOException {
        StringBuilder sb = new StringBuilder("name,subset,image,nme,detected,predicted,truth\n");
        for (FaceResult f : o.faces()) {
            sb.append(f.name()).append(',').append(f.subset()).append(',').append(f.image()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", f.nme())).append(',').append(f.detected()).append(',')
                    .append(join(f.predicted())).append(',').append(join(f.truth())).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    private static String join(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) { if (i > 0) sb.append(' '); sb.append(String.format(Locale.ROOT, "%.2f", v[i])); }
        return sb.toString();
    }

    static Path sibling(Path file, String suffix) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + suffix);
    }

    static void requireWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserException("folder for " + file + " does not exist");
        if (Files.isDirectory(file)) throw new UserException(file + " is a folder; give a file name");
    }
}
