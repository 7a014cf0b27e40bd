package dev.facemark.core.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.facemark.core.TestPaths;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.model.ContractException;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.points.PointScheme;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LandmarkModelTest {
    @TempDir Path tmp;

    static final ModelContract GREY64 = FixtureModels.contract("fixture-64", 64, 1, OutputKind.COORDINATES, 0);

    /** Image whose left half is grey 40 and right half grey 220. */
    private static Mat twoTone() {
        Mat img = new Mat(100, 200, CV_8UC3, new Scalar(40, 40, 40, 0));
        try (Rect r = new Rect(100, 0, 100, 100); Mat right = img.apply(r)) {
            right.put(new Scalar(220, 220, 220, 0));
        }
        return img;
    }

    /** What the regressor fixture must answer, in source pixels, for a crop of uniform grey g. */
    private static float[] expected(ModelContract c, CropTransform t, int grey) {
        float[] xy = FixtureModels.meanShapeInInput(c);
        float m = (grey / 255f - 0.5f) / 0.5f;
        for (int i = 0; i < xy.length; i++) xy[i] += FixtureModels.K * m;
        return t.toSource(xy);
    }

    @Test
    void regressorAnswersEachFaceOfOneBatchAndMapsBackToTheSource() {
        Path f = FixtureModels.regressor(tmp.resolve("reg.onnx"), GREY64);
        try (LandmarkModel model = LandmarkModel.open(f, RuntimeOptions.cpu(1)); Mat img = twoTone()) {
            assertEquals(-1, model.batchDimension());
            assertEquals(68, model.contract().points());
            CropTransform left = CropTransform.square(40, 50, 40, 64, 64);
            CropTransform right = new CropTransform(150, 50, 30, 30, 0.3f, 64, 64);
            Predictions p = model.predict(img, List.of(left, right));
            assertEquals(2, p.count());
            assertArrayEquals(expected(GREY64, left, 40), p.landmarks(0), 1e-3f);
            assertArrayEquals(expected(GREY64, right, 220), p.landmarks(1), 1e-3f);
            assertNull(p.pointScores(0), "a regressor has no honest per-point confidence");
            assertNull(p.heatmaps(0));
            assertTrue(Float.isNaN(p.meanScore(0)));
            // Reused buffers and pinned outputs must still work on the next call, with another batch size.
            Predictions q = model.predict(img, List.of(right));
            assertEquals(1, q.count());
            assertArrayEquals(expected(GREY64, right, 220), q.landmarks(0), 1e-3f);
            assertTrue(q.inferenceNanos() > 0);
            // More faces than the initial buffer holds: it grows.
            CropTransform[] many = new CropTransform[9];
            for (int i = 0; i < many.length; i++) many[i] = i % 2 == 0 ? left : right;
            Predictions r = model.predict(img, many, many.length);
            assertArrayEquals(expected(GREY64, right, 220), r.landmarks(7), 1e-3f);
            assertArrayEquals(expected(GREY64, left, 40), r.landmarks(8), 1e-3f);
        }
    }

    @Test
    void fixedBatchModelRunsFacesInChunks() {
        Path f = FixtureModels.regressor(tmp.resolve("b1.onnx"), GREY64, 64, true, 1);
        try (LandmarkModel model = LandmarkModel.open(f, RuntimeOptions.cpu(1)); Mat img = twoTone()) {
            assertEquals(1, model.batchDimension());
            CropTransform left = CropTransform.square(40, 50, 40, 64, 64);
            CropTransform right = CropTransform.square(160, 50, 40, 64, 64);
            Predictions p = model.predict(img, List.of(left, right, left));
            assertArrayEquals(expected(GREY64, left, 40), p.landmarks(0), 1e-3f);
            assertArrayEquals(expected(GREY64, right, 220), p.landmarks(1), 1e-3f);
            assertArrayEquals(expected(GREY64, left, 40), p.landmarks(2), 1e-3f);
        }
    }

    @Test
    void meanShapeFixtureIsAFixedPointOfTheTrackingCrop() {
        // Tracking feeds the tight box of the last points back through the box policy; for this fixture that
        // reproduces the crop (up to the tiny input-dependent offset), which is what keeps end-to-end tests stable.
        Path f = FixtureModels.regressor(tmp.resolve("reg.onnx"), GREY64);
        try (LandmarkModel model = LandmarkModel.open(f, RuntimeOptions.cpu(1)); Mat img = twoTone()) {
            CropTransform start = model.cropFor(new FaceBox(20, 30, 40, 45), 0f);
            float[] pts = model.predict(img, List.of(start)).landmarks(0).clone();
            CropTransform next = model.cropFor(FaceBox.ofPoints(pts), 0f);
            assertEquals(start.cropWidth(), next.cropWidth(), 0.01f * start.cropWidth());
            assertEquals(start.centreX(), next.centreX(), 1.5f);
            assertEquals(start.centreY(), next.centreY(), 1.5f);
        }
    }

    @Test
    void heatmapModelReturnsMapsConsistentWithItsPointsAndPeakConfidence() {
        ModelContract c = FixtureModels.contract("fixture-heat", 64, 3, OutputKind.HEATMAPS, 16);
        Path f = FixtureModels.heatmap(tmp.resolve("heat.onnx"), c);
        try (LandmarkModel model = LandmarkModel.open(f, RuntimeOptions.cpu(1)); Mat bgr = TestPaths.graceHopper()) {
            CropTransform t = model.cropFor(new FaceBox(170, 170, 180, 220), 0.1f);
            Predictions p = model.predict(bgr, List.of(t, t));
            assertTrue(p.hasHeatmaps());
            float[] maps = p.heatmaps(0), in = p.inputLandmarks(0);
            float[] scores = p.pointScores(0);
            for (int k = 0; k < 68; k++) {
                double sum = 0, sx = 0, sy = 0;
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        float v = maps[(k * 16 + y) * 16 + x];
                        sum += v; sx += v * ((x + 0.5) * 4 - 0.5); sy += v * ((y + 0.5) * 4 - 0.5);
                    }
                }
                assertEquals(1.0, sum, 1e-3, "map " + k + " is a softmax");
                assertEquals(sx, in[2 * k], 1e-2, "soft-argmax x of point " + k);
                assertEquals(sy, in[2 * k + 1], 1e-2, "soft-argmax y of point " + k);
                assertTrue(scores[k] > 9f / 256 - 1e-4 && scores[k] <= 1f, "peak mass of point " + k + " = " + scores[k]);
            }
            assertArrayEquals(t.toSource(in), p.landmarks(0), 1e-3f);
            assertArrayEquals(p.landmarks(0), p.landmarks(1), 1e-4f, "same crop, same answer");
        }
    }

    @Test
    void peakMassIsHighForASharpMapAndLowForAFlatOne() {
        float[] maps = new float[2 * 16];
        maps[5] = 1f;                                  // map 0: all mass on one pixel
        for (int i = 16; i < 32; i++) maps[i] = 0.06f;   // map 1: nearly flat, weak peak at (1, 1)
        maps[16 + 5] = 0.1f;
        float[] out = new float[2];
        HeatmapConfidence.peakMass(maps, 0, 2, 4, 4, out);
        assertEquals(1f, out[0], 1e-6f);
        assertEquals(8 * 0.06f + 0.1f, out[1], 1e-5f);
    }

    @Test
    void modelWithoutContractMetadataIsRefusedNamingTheFile() {
        Path f = FixtureModels.regressor(tmp.resolve("bare.onnx"), GREY64, 64, false, -1);
        ContractException e = assertThrows(ContractException.class, () -> LandmarkModel.open(f, RuntimeOptions.DEFAULT));
        assertTrue(e.getMessage().contains("bare.onnx") && e.getMessage().contains("contract"), e.getMessage());
    }

    @Test
    void modelWhoseGraphDisagreesWithItsContractIsRefused() {
        Path f = FixtureModels.regressor(tmp.resolve("wrong.onnx"), GREY64, 48, true, -1);
        ContractException e = assertThrows(ContractException.class, () -> LandmarkModel.open(f, RuntimeOptions.DEFAULT));
        assertTrue(e.getMessage().contains("wrong.onnx") && e.getMessage().contains("[N, 1, 48, 48]")
                && e.getMessage().contains("[N, 1, 64, 64]"), e.getMessage());
    }

    /** Found by fuzzing (issue 16): these used to open and then fail in predict, or allocate what the graph declared. */
    @Test
    void graphThatComputesOtherShapesOrDeclaresAHugeBatchIsRefusedWhenOpened() {
        byte[] threeValuesPerPoint = FuzzModels.declaring(PointScheme.IBUG_68, 16, 0, 3, -1);
        ContractException e = assertThrows(ContractException.class, () -> LandmarkModel.open(threeValuesPerPoint, "odd.onnx", RuntimeOptions.cpu(1)));
        assertTrue(e.getMessage().startsWith("odd.onnx: the graph does not run with its contract's shapes"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        byte[] hugeBatch = FuzzModels.declaring(PointScheme.NOSE_TIP, 16, 4, 2, 1L << 32);
        e = assertThrows(ContractException.class, () -> LandmarkModel.open(hugeBatch, "batch.onnx", RuntimeOptions.cpu(1)));
        assertTrue(e.getMessage().contains("fixed batch of 4294967296 faces"), e.getMessage());
        byte[] fixedTwo = FuzzModels.declaring(PointScheme.NOSE_TIP, 16, 4, 2, 2);
        try (LandmarkModel m = LandmarkModel.open(fixedTwo, "two.onnx", RuntimeOptions.cpu(1)); Mat img = twoTone()) {
            assertEquals(2, m.batchDimension());
            CropTransform c = CropTransform.square(40, 50, 40, 16, 16);
            assertEquals(3, m.predict(img, new CropTransform[] {c, c, c}, 3).count());
        }
    }

    @Test
    void missingAndCorruptFilesGiveOneClearMessage() throws Exception {
        ContractException missing = assertThrows(ContractException.class,
                () -> LandmarkModel.open(tmp.resolve("nope.onnx"), RuntimeOptions.DEFAULT));
        assertTrue(missing.getMessage().contains("nope.onnx") && missing.getMessage().contains("does not exist"));
        Path junk = Files.writeString(tmp.resolve("junk.onnx"), "this is not a model");
        ContractException bad = assertThrows(ContractException.class, () -> LandmarkModel.open(junk, RuntimeOptions.DEFAULT));
        assertTrue(bad.getMessage().contains("junk.onnx") && bad.getMessage().contains("not a loadable ONNX model"), bad.getMessage());
    }

    @Test
    void cudaRequestFallsBackToCpuWhenTheBuildOrMachineHasNoCuda() throws Exception {
        Path f = FixtureModels.regressor(tmp.resolve("reg.onnx"), GREY64);
        boolean cudaBuild = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        try (LandmarkModel model = LandmarkModel.open(f, new RuntimeOptions(1, Device.CUDA)); Mat img = twoTone()) {
            if (!cudaBuild) assertEquals(Device.CPU, model.device());
            CropTransform left = CropTransform.square(40, 50, 40, 64, 64);
            assertArrayEquals(expected(GREY64, left, 40), model.predict(img, List.of(left)).landmarks(0), 1e-3f);
        }
        assertEquals(Device.CUDA, Device.parse(" Cuda "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu"));
        assertTrue(e.getMessage().contains("cpu or cuda"));
    }

    /** models/fast.onnx on one thread; the test is skipped in a checkout without it. */
    private static LandmarkModel shippedFast() { return shipped(TestPaths.fastModel()); }

    /** A model shipped in models/ on one thread; the test is skipped in a checkout without it. */
    private static LandmarkModel shipped(Path file) {
        assumeTrue(Files.isRegularFile(file), file.getFileName() + " not exported yet");
        return LandmarkModel.open(file, RuntimeOptions.cpu(1));
    }

    @Test
    void shippedFastModelLoadsAndPredictsInsideItsCropWhenPresent() {
        try (LandmarkModel model = shippedFast(); Mat bgr = TestPaths.graceHopper()) {
            assertEquals(68, model.contract().points());
            CropTransform t = model.cropFor(new FaceBox(190, 200, 150, 180), 0f);
            float[] in = model.predict(bgr, List.of(t)).inputLandmarks(0);
            for (float v : in) assertTrue(v > -0.5f * model.contract().inputWidth() && v < 1.5f * model.contract().inputWidth(), "point " + v);
        }
    }

    @Test
    void shippedAccurateModelIsTheWideFastNetAndAgreesWithTheFastOne() throws Exception {
        try (LandmarkModel accurate = shipped(TestPaths.accurateModel()); LandmarkModel fast = shippedFast();
             Mat bgr = TestPaths.graceHopper()) {
            ModelContract c = accurate.contract();
            assertEquals("fast", c.architecture(), "since session 12 `accurate` is the fast architecture (width 2.0 since session 16)");
            assertEquals(OutputKind.HEATMAPS, c.outputKind());
            assertEquals(160, c.inputWidth());
            assertEquals(40, c.heatmapWidth(), "maps at stride 4");
            // Two passes of this net take 9.8 ms a face, the whole of its 10 ms budget: one pass unless the user asks.
            assertFalse(accurate.flipTestByDefault(), "accurate runs one pass by default");
            assertFalse(fast.flipTestByDefault(), "the default model runs one pass");
            accurate.setFlipTest(false); // this test compares single passes
            assertTrue(Files.size(TestPaths.accurateModel()) > Files.size(TestPaths.fastModel()), "a wider net than the default");
            FaceBox box = new FaceBox(175, 159, 179, 176); // the portrait's landmark box, as the tracker finds it
            float[] a = accurate.predict(bgr, List.of(accurate.cropFor(box, 0f))).landmarks(0).clone();
            float[] f = fast.predict(bgr, List.of(fast.cropFor(box, 0f))).landmarks(0).clone();
            var eyes = c.scheme().outerEyeCorners();
            double iod = Math.hypot(a[2 * eyes[0]] - a[2 * eyes[1]], a[2 * eyes[0] + 1] - a[2 * eyes[1] + 1]);
            double mean = 0;
            for (int i = 0; i < 68; i++) mean += Math.hypot(a[2 * i] - f[2 * i], a[2 * i + 1] - f[2 * i + 1]) / 68;
            // Two models trained on the same data, each ~4-6% NME: on a clear frontal portrait they
            // must agree to a few percent of the eye distance; a wrong crop or normalisation is 20%+.
            assertTrue(iod > 40, "eye distance " + iod + " px: the points are spread over the face");
            assertTrue(mean / iod < AGREEMENT, "accurate and fast disagree by " + 100 * mean / iod + "% of the eye distance");
        }
    }

    /** Largest mean disagreement of the shipped models on the portrait, in eye distances. */
    private static final double AGREEMENT = 0.07;

    @Test
    void flipTestAnswersAMirroredImageWithExactlyTheMirroredPoints() {
        try (LandmarkModel model = shippedFast(); Mat bgr = TestPaths.graceHopper(); Mat mirrored = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.flip(bgr, mirrored, 1);
            int w = bgr.cols();
            CropTransform t = model.cropFor(new FaceBox(190, 200, 150, 180), 0f);
            // The same crop in the mirrored image: pixel centres mirror as x -> w - 1 - x.
            CropTransform tm = new CropTransform(w - 1 - t.centreX(), t.centreY(), t.cropWidth(), t.cropHeight(), 0f,
                    t.width(), t.height());
            float[] plain = model.predict(bgr, List.of(t)).landmarks(0).clone();
            float[] plainOnMirror = model.predict(mirrored, List.of(tm)).landmarks(0).clone();

            model.setFlipTest(true);
            assertTrue(model.flipTest());
            float[] both = model.predict(bgr, List.of(t)).landmarks(0).clone();
            Predictions p = model.predict(mirrored, List.of(tm));
            assertEquals(1, p.count(), "the mirrored half is folded away");
            float[] onMirror = p.landmarks(0);
            var scheme = model.contract().scheme();
            double maxDiff = 0, moved = 0, plainDiff = 0;
            for (int i = 0; i < 68; i++) {
                int j = scheme.mirrorOf(i);
                plainDiff = Math.max(plainDiff, Math.abs(plainOnMirror[2 * i] - (w - 1 - plain[2 * j])));
                maxDiff = Math.max(maxDiff, Math.abs(onMirror[2 * i] - (w - 1 - both[2 * j])));
                maxDiff = Math.max(maxDiff, Math.abs(onMirror[2 * i + 1] - both[2 * j + 1]));
                moved = Math.max(moved, Math.hypot(both[2 * i] - plain[2 * i], both[2 * i + 1] - plain[2 * i + 1]));
            }
            // Not exactly 0: OpenCV's warpAffine quantises sample positions to 1/32 pixel, differently
            // for a crop and its mirror, so the two inputs differ in the last bits.
            assertTrue(maxDiff < 0.2, "flip-averaged answers are mirror-symmetric, off by " + maxDiff + " px");
            assertTrue(plainDiff > 4 * maxDiff, "one pass alone is not symmetric (" + plainDiff + " px), so this checks the averaging");
            // The fast model's two views disagree by a few percent of the face (its NME is ~5-6%).
            float faceWidth = t.cropWidth();
            assertTrue(moved > 0.01 && moved < 0.1 * faceWidth, "averaging moves points a little, not wildly: " + moved + " px");
        }
    }

    /** {@code src} with one more metadata entry, as {@code trainer flip-test} writes it. */
    private Path withMetadata(Path src, String key, String value) {
        return FixtureModels.withMetadata(src, tmp.resolve(src.getFileName() + "-" + value + ".onnx"), key, value);
    }

    @Test
    void aModelCanAskForFlipTestingByDefaultAndTheUserCanStillTurnItOff() throws Exception {
        Path plainFile = TestPaths.fastModel();
        assumeTrue(Files.isRegularFile(plainFile), "models/fast.onnx not exported yet");
        try (LandmarkModel plain = LandmarkModel.open(plainFile, RuntimeOptions.cpu(1));
             LandmarkModel asks = LandmarkModel.open(withMetadata(plainFile, LandmarkModel.FLIP_TEST_KEY, "true"), RuntimeOptions.cpu(1));
             Mat bgr = TestPaths.graceHopper()) {
            assertFalse(plain.flipTestByDefault());
            assertFalse(plain.flipTest(), "no key: off");
            assertTrue(asks.flipTestByDefault());
            assertTrue(asks.flipTest(), "the model's default is where it starts");
            CropTransform t = plain.cropFor(new FaceBox(190, 200, 150, 180), 0f);
            float[] single = plain.predict(bgr, List.of(t)).landmarks(0).clone();
            float[] flipped = plain.setFlipTest(true).predict(bgr, List.of(t)).landmarks(0).clone();
            assertArrayEquals(flipped, asks.predict(bgr, List.of(t)).landmarks(0).clone(), "runs exactly as setFlipTest(true)");
            assertArrayEquals(single, asks.setFlipTest(false).predict(bgr, List.of(t)).landmarks(0).clone(), "and the user can turn it off");
            assertTrue(asks.flipTestByDefault(), "the default is the model's, whatever the user chose");
        }
        try (LandmarkModel off = LandmarkModel.open(withMetadata(plainFile, LandmarkModel.FLIP_TEST_KEY, "false"), RuntimeOptions.cpu(1))) {
            assertFalse(off.flipTest());
        }
        ContractException e = assertThrows(ContractException.class,
                () -> LandmarkModel.open(withMetadata(plainFile, LandmarkModel.FLIP_TEST_KEY, "maybe"), RuntimeOptions.cpu(1)));
        assertTrue(e.getMessage().contains(LandmarkModel.FLIP_TEST_KEY) && e.getMessage().contains("maybe")
                && !e.getMessage().contains("\n"), e.getMessage());
    }
}
