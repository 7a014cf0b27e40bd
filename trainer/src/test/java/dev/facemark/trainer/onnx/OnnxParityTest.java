package dev.facemark.trainer.onnx;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.data.PtsFile;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.image.Cropper;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.model.OutputKind;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.model.TinyNets;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every architecture, exported at a small size with non-trivial BN statistics and biases, gives the same
 * outputs in ONNX Runtime as in DJL (eval mode) for random inputs and for real face crops, batches 1 and 4.
 */
class OnnxParityTest {
    static final Path DATA = Path.of(System.getProperty("facemark.root", "."), "..", "shared", "data", "300w", "afw");
    static final String[] FACES = {"1051618982_1", "111076519_1"};

    /**
     * Heatmap agreement for the small nets, relative to the largest probability. A softmax's relative error is the
     * logits' absolute error, which float32 kernel order sets: up to 7.4e-6 here (AMD EPYC, every ISA), 1.45e-5 on a
     * CI machine (small fast, batch 4; it failed the former 1e-5). An export mistake as small as a doubled BN
     * epsilon gives 8.6e-5 on the same net, so 3e-5 still catches it.
     */
    static final double SMALL_HEATMAP_REL = 3e-5;

    /**
     * Landmark agreement relative to the largest coordinate: 2.6x the worst kernel-order noise measured across
     * ISAs (1.5e-6), about 35 float32 ulps; a doubled BN epsilon moved the small nets' heatmaps by 8.6e-5 of
     * their size (above), 20x more.
     */
    static final double LANDMARK_REL = 4e-6;

    @TempDir Path dir;

    @BeforeAll
    static void offline() { System.setProperty("ai.djl.offline", "true"); }

    @ParameterizedTest
    @ValueSource(strings = {"nose", "fullface", "resnet18", "unet", "fast"})
    void djlAndOnnxRuntimeAgree(String arch) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet net = TinyNets.create(arch, m, 7);
            Path file = dir.resolve(arch + ".onnx");
            OnnxExporter.export(net, TinyNets.contract(net), file);
            int per = (int) (net.inputShape().size());
            Random r = new Random(3);
            float[] one = new float[per];
            for (int i = 0; i < per; i++) one[i] = (float) r.nextGaussian();
            float[] four = new float[4 * per];
            float[][] faces = {realFace(net, FACES[0]), realFace(net, FACES[1])};
            System.arraycopy(faces[0], 0, four, 0, per);
            for (int i = per; i < 3 * per; i++) four[i] = (float) r.nextGaussian();
            System.arraycopy(faces[1], 0, four, 3 * per, per);
            try (OrtRunner ort = new OrtRunner(file)) {
                compare(net, m, ort, one, 1, 1e-4, SMALL_HEATMAP_REL);
                compare(net, m, ort, four, 4, 1e-4, SMALL_HEATMAP_REL);
                compare(net, m, ort, faces[0], 1, 1e-4, SMALL_HEATMAP_REL);
            }
        }
    }

    /** The shipped configuration (fast, 112 px, width 0.5, heatmap head) on four real faces. */
    @org.junit.jupiter.api.Test
    void defaultFastModelAgreesOnRealFaces() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            LandmarkNet net = dev.facemark.trainer.model.Architectures.create("fast");
            m.getEngine().setRandomSeed(9);
            net.initialize(m);
            TinyNets.randomise(net, 9);
            Path file = dir.resolve("fast.onnx");
            OnnxExporter.export(net, TinyNets.contract(net), file);
            int per = (int) net.inputShape().size();
            float[] four = new float[4 * per];
            String[] names = {"1051618982_1", "111076519_1", "111076519_2", "1130084326_1"};
            for (int i = 0; i < 4; i++) System.arraycopy(realFace(net, names[i]), 0, four, i * per, per);
            try (OrtRunner ort = new OrtRunner(file)) {
                compare(net, m, ort, four, 4, 1e-3, 1e-4);
            }
        }
    }

    static float[] realFace(LandmarkNet net, String name) {
        float[] pts = PtsFile.read(DATA.resolve(name + ".pts"), 68);
        int w = (int) net.inputShape().get(3), h = (int) net.inputShape().get(2);
        try (Mat img = ImageLoader.readColor(DATA.resolve(name + ".jpg")); Cropper c = new Cropper()) {
            return c.crop(img, BoxPolicy.DEFAULT.testCrop(FaceBox.ofPoints(pts), 0f, w, h), Normalization.GREY_UNIT);
        }
    }

    /**
     * Landmarks must agree to {@code lmTol} px, heatmaps to {@code heatmapRel} times the largest probability: 1e-4 px
     * and {@link #SMALL_HEATMAP_REL} for the small nets. The 112 px default fast model (~25 layers of float32 kernels that differ between
     * PyTorch and ORT; logit errors ~3e-5 spread over 784 grid cells up to 110 px apart) is held to 1e-3 px and
     * 1e-4 (measured about 3e-4 px and 3e-5).
     */
    static void compare(LandmarkNet net, NDManager m, OrtRunner ort, float[] input, int batch, double lmTol, double heatmapRel)
            throws Exception {
        long[] shape = net.inputShape(batch).getShape();
        NDList djl;
        try (NDManager sub = m.newSubManager()) {
            djl = net.predict(sub, new NDList(sub.create(input, net.inputShape(batch))));
            float[] lmDjl = djl.get(0).toFloatArray();
            float[] hmDjl = djl.size() > 1 ? djl.get(1).toFloatArray() : null;
            Map<String, float[]> out = ort.run(input, shape);
            float[] lmOrt = out.get("landmarks");
            assertEquals(lmDjl.length, lmOrt.length);
            assertEquals(batch * net.points() * 2, lmOrt.length);
            double maxDiff = 0, maxAbs = 0;
            for (int i = 0; i < lmDjl.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(lmDjl[i] - lmOrt[i]));
                maxAbs = Math.max(maxAbs, Math.abs(lmDjl[i]));
            }
            // Outputs reach 50-270 px here, where float32 resolves 4e-6 to 1.5e-5 px, and the error is kernel-order
            // noise accumulated through every layer, so it scales with the output: measured up to 1.5e-6 of the
            // largest value (fast batch 4, resnet18 1.1e-6 on AMD EPYC; a CI machine 1.2e-6 on resnet18, which
            // failed the former 1e-6 bound). Allow LANDMARK_REL of it when that is looser than lmTol.
            double tol = Math.max(lmTol, LANDMARK_REL * maxAbs);
            assertTrue(maxDiff < tol, net.architecture() + " batch " + batch + ": landmark diff " + maxDiff + " > " + tol
                    + " (largest value " + maxAbs + ")");
            assertTrue(maxAbs > 0.5, "degenerate landmarks");
            if (net.outputKind() == OutputKind.HEATMAPS) {
                float[] hmOrt = out.get("heatmaps");
                assertNotNull(hmOrt, "heatmaps output missing");
                assertEquals(hmDjl.length, hmOrt.length);
                double hd = 0, hm = 0;
                for (int i = 0; i < hmDjl.length; i++) {
                    hd = Math.max(hd, Math.abs(hmDjl[i] - hmOrt[i]));
                    hm = Math.max(hm, Math.abs(hmDjl[i]));
                }
                assertTrue(hd <= heatmapRel * hm, net.architecture() + " batch " + batch + ": heatmap diff " + hd + " vs max " + hm);
            } else {
                assertFalse(out.containsKey("heatmaps"));
            }
        }
    }
}
