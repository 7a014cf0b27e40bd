package dev.facemark.trainer.onnx;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.facemark.trainer.BadInputException;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.TinyNets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warm start reproduces the exported network exactly (every weight and batch-norm statistic comes back),
 * for every architecture; another input size loads (its positional prior resampled), and a model of another width
 * is refused with the mismatch named.
 */
class OnnxWeightsTest {
    @TempDir Path dir;

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @ParameterizedTest
    @ValueSource(strings = {"nose", "fullface", "resnet18", "unet", "fast"})
    void loadedNetworkComputesWhatTheExportedOneDid(String arch) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet source = TinyNets.create(arch, m, 7);
            Path file = dir.resolve(arch + ".onnx");
            OnnxExporter.export(source, TinyNets.contract(source), file);
            LandmarkNet target = TinyNets.create(arch, m, 8);
            float[] x = new float[(int) source.inputShape(2).size()];
            Random r = new Random(5);
            for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
            float[] want = forward(source, m, x), before = forward(target, m, x);
            assertFalse(java.util.Arrays.equals(want, before), "the two networks start different");
            long n = OnnxWeights.load(target, file);
            assertTrue(n >= source.parameterCount(), "every parameter loaded (and BN statistics): " + n);
            assertArrayEquals(want, forward(target, m, x), 0f, "same weights, same outputs");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast"})
    void anotherWidthIsRefusedByName(String arch) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet source = TinyNets.create(arch, m, 7);
            Path file = dir.resolve("a.onnx");
            OnnxExporter.export(source, TinyNets.contract(source), file);
            ArchConfig wider = new ArchConfig(32, 32, 1, 68, Map.of("width", "0.5"));
            LandmarkNet other = Architectures.create(arch, wider);
            other.initialize(m);
            BadInputException e = assertThrows(BadInputException.class, () -> OnnxWeights.load(other, file));
            assertTrue(e.getMessage().contains("a.onnx") && e.getMessage().contains("--arch-option"), e.getMessage());
            Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
            BadInputException j = assertThrows(BadInputException.class, () -> OnnxWeights.load(other, junk));
            assertTrue(j.getMessage().contains("junk.onnx"), j.getMessage());
        }
    }

    @org.junit.jupiter.api.Test
    void anotherInputSizeLoadsWithThePriorResampled() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet source = TinyNets.create("fast", m, 7);
            Path file = dir.resolve("small.onnx");
            OnnxExporter.export(source, TinyNets.contract(source), file);
            LandmarkNet larger = Architectures.create("fast", new ArchConfig(48, 48, 1, 68, Map.of("width", "0.25")));
            larger.initialize(m);
            long n = OnnxWeights.load(larger, file);
            // every value of the larger network came from the file: the 8x8 prior maps became 12x12 ones
            assertTrue(n > source.parameterCount(), "loaded " + n + " values for " + source.parameterCount() + " parameters");
            assertTrue(n >= larger.parameterCount(), "loaded " + n + " of " + larger.parameterCount());
        }
    }

    private static float[] forward(LandmarkNet net, NDManager m, float[] x) {
        try (NDManager s = m.newSubManager()) {
            return net.block().forward(new ParameterStore(s, false), new NDList(s.create(x, net.inputShape(2))), false)
                    .get(0).toFloatArray();
        }
    }
}
