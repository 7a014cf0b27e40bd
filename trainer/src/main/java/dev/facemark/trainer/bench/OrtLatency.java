package dev.facemark.trainer.bench;

import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.PixelSize;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.onnx.OnnxExporter;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Latency study: exports freshly initialised networks and times ONNX Runtime on one thread, batch 1
 * (what the tracker does per face). Prints parameters, GFLOPs (2 x multiply-accumulates) and the median and
 * 10th/90th percentile of per-run latency.
 *
 * <p>Usage: {@code OrtLatency [arch[:key=value,...][@WxH]] ...}; no arguments = every architecture at its
 * default size plus the fast-model candidates of {@code trainer/FAST_MODEL.md}.
 */
public final class OrtLatency {
    private OrtLatency() {}

    public static void main(String[] args) throws Exception {
        List<String> specs = args.length > 0 ? List.of(args) : List.of(
                "nose", "fullface", "resnet18", "unet:variant=small", "unet", "unet:variant=large",
                "fast:head=heatmap,width=0.5", "fast:head=heatmap,width=0.25", "fast:head=heatmap,width=0.75",
                "fast:head=regress,width=0.5", "fast:head=regress,width=0.25", "fast:head=heatmap,width=0.5@96x96");
        Path tmp = Files.createTempDirectory("ort-latency");
        System.out.printf("%-40s %12s %9s %9s %9s %9s%n", "model", "params", "GFLOPs", "p10 ms", "median", "p90 ms");
        try (NDManager m = NDManager.newBaseManager()) {
            for (String s : specs) {
                LandmarkNet net = Architectures.create(name(s), config(s));
                net.initialize(m);
                Path file = tmp.resolve(s.replaceAll("[^A-Za-z0-9]", "_") + ".onnx");
                PointScheme scheme = net.points() == 1 ? PointScheme.NOSE_TIP : PointScheme.IBUG_68;
                OnnxExporter.export(net, net.contract(s, scheme, net.spec().channels() == 1 ? Normalization.GREY_UNIT
                        : Normalization.RGB_UNIT, BoxPolicy.DEFAULT, Map.of()), file);
                double[] ms = time(file, net);
                System.out.printf("%-40s %,12d %9.3f %9.3f %9.3f %9.3f%n", s, net.parameterCount(), 2e-9 * net.macs(),
                        ms[0], ms[1], ms[2]);
                Files.delete(file);
            }
        }
        Files.delete(tmp);
    }

    static String name(String s) { return s.split("[:@]")[0]; }

    static ArchConfig config(String s) {
        ArchConfig c = Architectures.defaults(name(s));
        String rest = s.substring(name(s).length());
        String size = null;
        if (rest.contains("@")) {
            size = rest.substring(rest.indexOf('@') + 1);
            rest = rest.substring(0, rest.indexOf('@'));
        }
        if (rest.startsWith(":")) {
            for (String kv : rest.substring(1).split(",")) {
                String[] p = kv.split("=", 2);
                c = c.withOption(p[0], p[1]);
            }
        }
        if (size != null) {
            PixelSize wh = PixelSize.parse(size);
            c = c.withSize(wh.width(), wh.height());
        }
        return c;
    }

    /** {p10, median, p90} in ms over about two seconds of runs after warm-up. */
    static double[] time(Path file, LandmarkNet net) throws OrtException, IOException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(file.toString(), o)) {
                long[] shape = net.inputShape().getShape();
                float[] data = new float[(int) net.inputShape().size()];
                Arrays.fill(data, 0.1f);
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape)) {
                    Map<String, OnnxTensor> in = Map.of("input", t);
                    long warmEnd = System.nanoTime() + 500_000_000L;
                    int warm = 0;
                    while (System.nanoTime() < warmEnd || warm < 3) { session.run(in).close(); warm++; }
                    List<Double> runs = new ArrayList<>();
                    long end = System.nanoTime() + 2_000_000_000L;
                    while (System.nanoTime() < end || runs.size() < 5) {
                        long t0 = System.nanoTime();
                        session.run(in).close();
                        runs.add((System.nanoTime() - t0) / 1e6);
                    }
                    double[] r = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    return new double[] {r[r.length / 10], r[r.length / 2], r[r.length * 9 / 10]};
                }
            }
        }
    }
}
