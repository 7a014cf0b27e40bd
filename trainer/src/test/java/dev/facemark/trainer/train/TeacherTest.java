package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
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
 * send gradient only into the student; a teacher for another input is refused by name; a real run distils.
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
            Path file = dir.resolve("teacher.onnx");
            OnnxExporter.export(source, TinyNets.contract(source), file);
            LandmarkNet student = TinyNets.create("fast", m, 8);
            try (Teacher t = Teacher.load(new Distillation(file.toString(), WIDTH, 1f, 0.5f), student, m)) {
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
    void aTeacherForAnotherInputIsRefusedByName() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet source = TinyNets.create("fast", m, 7);
            Path file = dir.resolve("small.onnx");
            OnnxExporter.export(source, TinyNets.contract(source), file);
            LandmarkNet larger = Architectures.create("fast", new ArchConfig(48, 48, 1, 68, WIDTH));
            larger.initialize(m);
            BadInputException e = assertThrows(BadInputException.class,
                    () -> Teacher.load(new Distillation(file.toString(), WIDTH, 1f, 0f), larger, m));
            assertTrue(e.getMessage().contains("small.onnx") && e.getMessage().contains("32x32"), e.getMessage());
            BadInputException missing = assertThrows(BadInputException.class,
                    () -> Teacher.load(new Distillation(dir.resolve("none.onnx").toString(), WIDTH, 1f, 0f), larger, m));
            assertTrue(missing.getMessage().contains("none.onnx"), missing.getMessage());
            assertEquals(null, Teacher.load(Distillation.OFF, larger, m), "off: no teacher");
        }
    }

    /** Real DJL steps on real faces with a teacher: the loss (annotation + teacher terms) falls, and the model says so. */
    @Test
    void aRealRunDistils() throws Exception {
        Path file = dir.resolve("tiny-teacher.onnx");
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet teacher = Architectures.create("fast", new ArchConfig(48, 48, 1, 68, HEATMAP)).initialize(m);
            TinyNets.randomise(teacher, 3);
            OnnxExporter.export(teacher, TinyNets.contract(teacher), file);
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

    private static float[] input(LandmarkNet net, int n) {
        float[] x = new float[(int) net.inputShape(n).size()];
        Random r = new Random(5);
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        return x;
    }
}
