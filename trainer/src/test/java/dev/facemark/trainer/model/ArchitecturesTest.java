package dev.facemark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.facemark.core.model.OutputKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ArchitecturesTest {

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @Test
    void resnet18IsTheRealOne() {
        LandmarkNet net = Architectures.create("resnet18");
        // torchvision resnet18 (11,689,512) with a 1-channel stem and a 512 -> 136 linear layer.
        assertEquals(11_689_512L - 2 * 64 * 49 - 1000 * 513 + 136 * 513, net.parameterCount());
        assertEquals(OutputKind.COORDINATES, net.outputKind());
    }

    @Test
    void specParameterCountMatchesDjl() {
        for (String name : Architectures.names()) {
            LandmarkNet net = Architectures.create(name, TinyNets.config(name));
            try (NDManager m = NDManager.newBaseManager()) {
                net.initialize(m);
                long djl = net.block().getParameters().values().stream()
                        .filter(Parameter::requiresGradient).mapToLong(p -> p.getArray().size()).sum();
                assertEquals(net.parameterCount(), djl, name);
            }
        }
    }

    @Test
    void forwardGivesLandmarksInInputPixelsAndNormalisedHeatmaps() {
        for (String name : Architectures.names()) {
            ArchConfig cfg = TinyNets.config(name);
            LandmarkNet net = Architectures.create(name, cfg);
            try (NDManager m = NDManager.newBaseManager()) {
                net.initialize(m);
                NDArray x = m.randomNormal(net.inputShape(3));
                NDList out = net.predict(m, new NDList(x));
                assertEquals(new Shape(3, cfg.points(), 2), out.get(0).getShape(), name);
                if (net.outputKind() == OutputKind.HEATMAPS) {
                    assertEquals(2, out.size());
                    assertEquals(new Shape(3, cfg.points(), net.heatmapHeight(), net.heatmapWidth()), out.get(1).getShape());
                    float[] sums = out.get(1).reshape(3, cfg.points(), -1).sum(new int[] {2}).toFloatArray();
                    for (float s : sums) assertEquals(1f, s, 1e-4f, name);
                    // soft-argmax lies inside the input's extent [-0.5, W - 0.5]
                    float[] lm = out.get(0).toFloatArray();
                    for (int i = 0; i < lm.length; i += 2) {
                        assertTrue(lm[i] >= -0.5f && lm[i] <= cfg.width() - 0.5f, name);
                    }
                } else {
                    assertEquals(1, out.size());
                }
            }
        }
    }

    @Test
    void trainingModeBatchNormUpdatesRunningStatistics() {
        LayerBlock bn = new LayerBlock(new Layer.BatchNorm(2));
        try (NDManager m = NDManager.newBaseManager()) {
            bn.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(8, 2, 4, 4));
            NDArray x = m.randomNormal(5f, 2f, new Shape(8, 2, 4, 4), ai.djl.ndarray.types.DataType.FLOAT32);
            float batchMean = x.mean().getFloat();
            NDArray y = bn.forward(new ai.djl.training.ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            assertEquals(0f, y.mean().getFloat(), 1e-4f); // normalised with batch statistics
            // running = 0.9 * running + 0.1 * batch (PyTorch momentum 0.1)
            for (float r : bn.parameterArray("runningMean").toFloatArray()) assertEquals(0.1f * batchMean, r, 0.05f);
            // eval mode uses the running statistics, so the same input is no longer centred
            NDArray e = bn.forward(new ai.djl.training.ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertTrue(e.mean().getFloat() > 2f);
        }
    }

    @Test
    void regressionHeadMapsZeroToTheCentre() {
        Head.Coordinates h = Head.Coordinates.centred(1, 96, 64);
        assertEquals(47.5f, 0 * h.scaleX() + h.offsetX());
        assertEquals(-0.5f, -1 * h.scaleX() + h.offsetX());
        assertEquals(63.5f, 1 * h.scaleY() + h.offsetY());
    }

    @Test
    void heatmapGridIsPixelCentres() {
        Head.Heatmaps h = new Head.Heatmaps(1, 28, 28, 112, 112);
        assertEquals(1.5f, h.gridX(0), 1e-6f);   // input pixels 0..3, centre 1.5
        assertEquals(109.5f, h.gridY(27), 1e-6f);
    }

    @Test
    void unknownNamesAndBadSizesAreRejectedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> Architectures.create("vgg", new ArchConfig(64, 64, 1, 68)));
        assertTrue(e.getMessage().contains("vgg") && e.getMessage().contains("resnet18"), e.getMessage());
        var u = assertThrows(IllegalArgumentException.class, () -> Architectures.create("unet", new ArchConfig(60, 60, 1, 68)));
        assertTrue(u.getMessage().contains("multiple of 8"), u.getMessage());
    }
}
