package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import ai.djl.ndarray.types.Shape;
import dev.facemark.core.geom.PixelCentres;
import dev.facemark.core.image.Normalization;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.TinyNets;
import dev.facemark.trainer.onnx.OnnxExporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The teacher computes what its export computes, frozen; its terms vanish for a student that already agrees with it and
 * send gradient only into the student; a teacher at another input size sees the crop resampled and answers in the
 * student's pixels, one for another normalisation is refused by name; a real run distils.
 */
class TeacherTest {
    @TempDir Path dir;

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    private static final Map<String, String> WIDTH = Map.of("width", "0.25"), HEATMAP = Map.of("head", "heatmap");

    @Test
    void itLabelsCropsAsItsExportDoesAndTeachesOnlyTheStudent() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet source = TinyNets.create("fast", m, 7);
            Path file = exported(source, "teacher.onnx");
            LandmarkNet student = TinyNets.create("fast", m, 8);
            try (Teacher t = Teacher.load(new Distillation(file.toString(), WIDTH, 1f, 0.5f), student, Normalization.GREY_UNIT, m)) {
                NDManager s = m.newSubManager();
                NDArray x = s.create(input(student, 3), student.inputShape(2));
                NDList taught = t.predict(x);
                assertArrayEquals(source.predict(s, new NDList(x)).get(0).toFloatArray(), taught.get(0).toFloatArray(), 1e-5f);
                assertEquals(0f, t.loss(taught, taught, CoordinateLoss.L1, 32).getFloat(), 1e-5f, "no pull towards itself");

                for (Pair<String, Parameter> p : student.block().getParameters()) {
                    if (p.getValue().requiresGradient()) p.getValue().getArray().setRequiresGradient(true);
                }
                float distance;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList out = student.block().forward(new ParameterStore(s, false), new NDList(x), true);
                    NDArray l = t.loss(out, taught, CoordinateLoss.L1, 32);
                    distance = l.getFloat();
                    gc.backward(l);
                }
                assertTrue(distance > 1e-3, "another net is pulled: " + distance);
                double studentGrad = 0;
                for (Pair<String, Parameter> p : student.block().getParameters()) {
                    if (p.getValue().requiresGradient()) studentGrad += p.getValue().getArray().getGradient().abs().sum().getFloat();
                }
                assertTrue(studentGrad > 0, "the student gets gradient");
                for (Pair<String, Parameter> p : t.net().block().getParameters()) {
                    assertFalse(p.getValue().getArray().hasGradient(), "the teacher is frozen: " + p.getKey());
                }
                s.close();
            }
        }
    }

    @Test
    void aTeacherAtAnotherSizeSeesTheCropResampledAndAnswersInTheStudentsPixels() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet source = TinyNets.create("fast", m, 7);
            Path file = exported(source, "small.onnx");
            LandmarkNet larger = Architectures.create("fast", new ArchConfig(48, 48, 1, 68, WIDTH));
            larger.initialize(m);
            try (Teacher t = Teacher.load(new Distillation(file.toString(), WIDTH, 1f, 0f), larger, Normalization.GREY_UNIT, m);
                 NDManager s = m.newSubManager()) {
                NDArray x = s.create(input(larger, 2), larger.inputShape(2));
                float[] small = source.predict(s, new NDList(Teacher.resample(x, 32, 32))).get(0).toFloatArray();
                float[] got = t.predict(x).get(0).toFloatArray();
                for (int i = 0; i < got.length; i++) assertEquals(PixelCentres.map(small[i], 32, 48), got[i], 1e-4f, "value " + i);
            }
            BadInputException e = assertThrows(BadInputException.class,
                    () -> Teacher.load(new Distillation(file.toString(), WIDTH, 1f, 0f), larger, Normalization.RGB_UNIT, m));
            assertTrue(e.getMessage().contains("small.onnx") && e.getMessage().contains("normalisation"), e.getMessage());
            BadInputException maps = assertThrows(BadInputException.class,
                    () -> Teacher.load(new Distillation(file.toString(), WIDTH, 1f, 0.1f), larger, Normalization.GREY_UNIT, m));
            assertTrue(maps.getMessage().contains("--distill-maps 0"), maps.getMessage());
            BadInputException missing = assertThrows(BadInputException.class,
                    () -> Teacher.load(new Distillation(dir.resolve("none.onnx").toString(), WIDTH, 1f, 0f), larger, Normalization.GREY_UNIT, m));
            assertTrue(missing.getMessage().contains("none.onnx"), missing.getMessage());
            assertEquals(null, Teacher.load(Distillation.OFF, larger, Normalization.GREY_UNIT, m), "off: no teacher");
        }
    }

    /**
     * The resampling the teacher gets is bilinear over the same extent: enlarged, a ramp in x lands exactly on
     * PixelCentres' map; shrunk (antialiased), inside the edges within a twentieth of a pixel.
     */
    @Test
    void resamplingKeepsThePixelCentreConvention() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] up = Teacher.resample(m.create(ramp(32), new Shape(1, 1, 32, 32)), 48, 48).toFloatArray();
            for (int c = 1; c < 47; c++) assertEquals(PixelCentres.map(c, 48, 32), up[5 * 48 + c], 1e-4f, "enlarged, column " + c);
            float[] down = Teacher.resample(m.create(ramp(48), new Shape(1, 1, 48, 48)), 32, 32).toFloatArray();
            for (int c = 1; c < 31; c++) assertEquals(PixelCentres.map(c, 32, 48), down[5 * 32 + c], 0.05f, "shrunk, column " + c);
        }
    }

    private static float[] ramp(int n) {
        float[] v = new float[n * n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) v[r * n + c] = c;
        return v;
    }

    /** Real DJL steps on real faces with a teacher: the loss (annotation + teacher terms) falls, and the model says so. */
    @Test
    void aRealRunDistils() throws Exception {
        Path file = dir.resolve("tiny-teacher.onnx");
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet teacher = Architectures.create("fast", new ArchConfig(48, 48, 1, 68, HEATMAP)).initialize(m);
            TinyNets.randomise(teacher, 3);
            exported(teacher, file.getFileName().toString());
        }
        // the configuration TrainHeatmapArchitecturesTest shows to learn
        TrainConfig plain = TinyRuns.config("fast", HEATMAP, 48, 48, 16, 4, 6, 1e-2f, false);
        TrainConfig.Optimisation o = plain.optimisation();
        TrainConfig cfg = new TrainConfig(plain.network(), plain.data(), plain.schedule(),
                new TrainConfig.Optimisation(o.loss(), o.optimizer(), o.weightDecay(), o.clipGrad(), o.emaDecay(), 0f, 1f,
                        new Distillation(file.toString(), HEATMAP, 1f, 0.1f)),
                plain.compute(), plain.seed(), false);
        TrainingRun.Result r = LossFalls.check(cfg, dir.resolve("run"), 0.8);
        assertTrue(r.contract().provenance().get("optimizer").contains("distilled from tiny-teacher.onnx"), r.contract().provenance().toString());
        assertEquals(cfg, RunConfigFile.read(dir.resolve("run")), "the teacher is in config.json, so --resume distils too");
    }

    private Path exported(LandmarkNet net, String name) throws java.io.IOException {
        Path file = dir.resolve(name);
        OnnxExporter.export(net, TinyNets.contract(net), file);
        return file;
    }

    private static float[] input(LandmarkNet net, int n) {
        float[] x = new float[(int) net.inputShape(n).size()];
        Random r = new Random(5);
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        return x;
    }
}
