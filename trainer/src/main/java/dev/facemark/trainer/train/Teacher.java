package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.facemark.core.geom.PixelCentres;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.model.ModelContract;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.NativeConstants;
import dev.facemark.trainer.onnx.OnnxWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained network that labels the student's training crops ({@link Distillation}): loaded from its ONNX export into
 * the same engine, frozen (no gradients), run in inference mode (batch-norm running statistics). It sees the student's
 * crop tensor, so it must take the same normalisation and predict the same points; its input size may differ
 * (a 112-pixel teacher for a 128-pixel student), and the crop is then resampled for it.
 */
final class Teacher implements AutoCloseable {
    private final LandmarkNet net;
    private final NDManager manager;
    private final Distillation config;
    private final int studentWidth, studentHeight;

    private Teacher(LandmarkNet net, NDManager manager, Distillation config, int studentWidth, int studentHeight) {
        this.net = net;
        this.manager = manager;
        this.config = config;
        this.studentWidth = studentWidth;
        this.studentHeight = studentHeight;
    }

    /** Null when distillation is off. */
    static Teacher load(Distillation d, LandmarkNet student, Normalization studentNormalization, NDManager parent) {
        if (!d.on()) return null;
        Path file = Path.of(d.teacher());
        if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no such teacher model (give an .onnx exported by trainer train or export)");
        ModelContract c;
        try {
            c = OnnxWeights.contract(file);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": cannot read the teacher's contract (" + e.getMessage() + "): give a model exported by this trainer");
        }
        ArchConfig s = student.config();
        if (!c.normalization().equals(studentNormalization) || c.scheme().count() != s.points()) {
            throw new BadInputException(file + ": the teacher takes " + describe(c.normalization()) + " input and predicts " + c.scheme().count()
                    + " points, the student " + describe(studentNormalization) + " and " + s.points() + ": distil from a teacher with the student's"
                    + " normalisation and points");
        }
        Map<String, String> options = new TreeMap<>(Architectures.defaults(c.architecture()).options());
        options.putAll(d.teacherOptions());
        LandmarkNet net;
        try {
            net = Architectures.create(c.architecture(), new ArchConfig(c.inputWidth(), c.inputHeight(), s.channels(), s.points(), options));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + c.architecture() + " " + options + ": " + e.getMessage());
        }
        if (d.mapWeight() > 0 && (net.heatmapWidth() != student.heatmapWidth() || net.heatmapHeight() != student.heatmapHeight()
                || student.heatmapWidth() == 0)) {
            throw new BadInputException(file + ": heatmap distillation needs heatmap heads of one size on both sides (teacher "
                    + net.heatmapWidth() + "x" + net.heatmapHeight() + ", student " + student.heatmapWidth() + "x" + student.heatmapHeight()
                    + "): set --distill-maps 0");
        }
        NDManager m = parent.newSubManager();
        try {
            net.initialize(m);
            OnnxWeights.load(net, file);
            for (Pair<String, Parameter> p : net.block().getParameters()) p.getValue().getArray().setRequiresGradient(false);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        return new Teacher(net, m, d, s.width(), s.height());
    }

    /**
     * The teacher's outputs for {@code x}: points [N, P, 2] in the student's input pixels and, for heatmap heads, maps
     * [N, P, h, w]; no gradient. A teacher trained at another input size gets the same crop resampled to its size
     * (bilinear over the same extent), and its points are mapped back ({@link PixelCentres}).
     */
    NDList predict(NDArray x) {
        int tw = net.config().width(), th = net.config().height();
        boolean resized = tw != studentWidth || th != studentHeight;
        NDArray in = resized ? resample(x, tw, th) : x;
        NDList out = net.predict(x.getManager(), new NDList(in));
        NDList frozen = new NDList();
        for (NDArray a : out) frozen.add(a.stopGradient());
        if (resized) {
            // PixelCentres.map per axis: (c + 0.5) * to / from - 0.5
            NDManager m = x.getManager();
            NDArray scale = m.create(new float[] {(float) studentWidth / tw, (float) studentHeight / th});
            frozen.set(0, frozen.get(0).add(0.5f).mul(scale).sub(0.5f));
        }
        return frozen;
    }

    private static String describe(Normalization n) {
        return n.channels() + "-channel (mean " + n.encodeMean() + ", std " + n.encodeStd() + ")";
    }

    /**
     * Bilinear resampling of a batch [N, C, H, W] to [N, C, h, w] over the same extent (half-pixel centres); libtorch
     * widens the filter when it shrinks (antialiasing).
     */
    static NDArray resample(NDArray x, int width, int height) {
        return x.getNDArrayInternal().interpolation(new long[] {height, width}, BILINEAR, false);
    }

    /** DJL's code for bilinear in {@code NDArrayEx.interpolation} (Image.Interpolation order). */
    private static final int BILINEAR = 1;

    /**
     * The distillation terms for the student's outputs against the teacher's on the same crops.
     *
     * @param student the student's outputs (points, then maps for heatmap heads)
     * @param teacher {@link #predict}'s outputs for the same input
     */
    NDArray loss(NDList student, NDList teacher, CoordinateLoss loss, float inputSize) {
        NDManager m = student.get(0).getManager();
        var type = student.get(0).getDataType();
        NDArray total = loss.compute(student.get(0), teacher.get(0), inputSize).mul(NativeConstants.scalar(m, config.weight(), type));
        if (config.mapWeight() > 0) {
            NDArray q = teacher.get(1), p = student.get(1);
            NDArray eps = NativeConstants.scalar(m, 1e-8f, type);
            // KL(q || p) per map, averaged over the N * P maps
            NDArray kl = q.mul(q.add(eps).log().sub(p.add(eps).log())).sum()
                    .div(NativeConstants.scalar(m, (float) (q.getShape().get(0) * q.getShape().get(1)), type));
            total = total.add(kl.mul(NativeConstants.scalar(m, config.mapWeight(), type)));
        }
        return total;
    }

    LandmarkNet net() { return net; }

    @Override
    public void close() { manager.close(); }
}
