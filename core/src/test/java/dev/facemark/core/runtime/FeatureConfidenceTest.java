package dev.facemark.core.runtime;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import ai.onnx.proto.OnnxMl;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The several-feature confidence: its logistic, its versioned encoding, and which calibration a model uses. */
class FeatureConfidenceTest {
    @TempDir Path tmp;

    static FeatureConfidence example() {
        return new FeatureConfidence(new double[] {-2.5, -2, -1.8, 0.5, -3.2, 0.3, 0.05}, new double[] {0.4, 0.3, 0.3, 0.1, 0.5, 0.2, 0.05},
                new double[] {0.9, -0.5, 2.2, -0.6, -1.5, -0.9, -0.9}, -0.7, ConfidenceFeaturesTest.meanShape());
    }

    @Test
    void itIsTheLogisticOfTheStandardisedFeatures() {
        FeatureConfidence c = example();
        double[] f = {-2.1, -1.9, -1.5, 0.45, -3.5, 0.2, 0.02};
        double z = -0.7;
        for (int k = 0; k < 7; k++) z += c.weights()[k] * (f[k] - c.mean()[k]) / c.sd()[k];
        assertEquals(1 / (1 + Math.exp(-z)), c.apply(f), 1e-6);
        assertEquals(1 / (1 + Math.exp(0.7)), c.apply(c.mean()), 1e-6, "at the features' means: the bias alone");
        f[2] = Double.NaN;
        assertTrue(Float.isNaN(c.apply(f)));
    }

    @Test
    void theEncodingRoundTripsAndAMalformedEntryFallsBack() {
        FeatureConfidence c = example();
        String e = c.encode();
        assertTrue(e.startsWith("v1;features=ln_low_decile,ln_median,ln_mean,sd_ln,ln_shape_residual,centre_offset,abs_ln_scale;"), e);
        FeatureConfidence back = FeatureConfidence.fromMetadata(Map.of(FeatureConfidence.KEY, e));
        assertNotNull(back);
        assertEquals(e, back.encode(), "what is written reads back to the same entry");
        double[] f = {-2.1, -1.9, -1.5, 0.45, -3.5, 0.2, 0.02};
        assertEquals(c.apply(f), back.apply(f), 1e-5);
        assertNull(FeatureConfidence.fromMetadata(Map.of()));
        assertNull(FeatureConfidence.decode(e.replace("v1;", "v2;")), "another version");
        assertNull(FeatureConfidence.decode(e.replace("centre_offset", "offset")), "other features");
        assertNull(FeatureConfidence.decode(e.replace(";bias=", ";bias=1,")), "two biases");
        assertNull(FeatureConfidence.decode(e.replaceFirst("sd=[^,]*,", "sd=0,")), "a zero sd");
        assertNull(FeatureConfidence.decode(e.replaceFirst("sd=[^,]*,", "sd=NaN,")), "a NaN");
        assertNull(FeatureConfidence.decode(e.replaceFirst("weights=[^,]*,", "weights=x,")), "not a number");
        assertNull(FeatureConfidence.decode(e.replaceFirst("weights=[^,]*,", "weights=")), "a weight short");
        assertNotNull(FeatureConfidence.decode(e.replaceFirst("weights=[^,]*,", "weights=1e-3,")), "the edits above change one value");
        assertNull(FeatureConfidence.decode(e.substring(0, e.indexOf(";shape="))), "no shape");
        assertNull(FeatureConfidence.decode(e + ",0.5"), "an odd shape");
        assertNull(FeatureConfidence.decode("garbage"));
    }

    /** The fixture model with extra metadata entries. */
    private Path withMetadata(Path model, String name, Map<String, String> extra) throws IOException {
        OnnxMl.ModelProto.Builder b = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(model)).toBuilder();
        extra.forEach((k, v) -> b.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        Path out = tmp.resolve(name);
        Files.write(out, b.build().toByteArray());
        return out;
    }

    @Test
    void aModelUsesTheFeatureConfidenceFirstThenTheOldCalibrationThenTheRawScore() throws IOException {
        ModelContract c = FixtureModels.contract("heat", 64, 1, OutputKind.HEATMAPS, 16);
        Path plain = FixtureModels.heatmap(tmp.resolve("heat.onnx"), c);
        ConfidenceCalibration old = new ConfidenceCalibration(5.9f, 15.7f);
        CropTransform crop = CropTransform.square(50, 50, 80, 64, 64);
        FeatureConfidence fc;
        try (Mat img = new Mat(100, 100, CV_8UC3, new Scalar(30, 120, 200, 0)); LandmarkModel m = LandmarkModel.open(plain, RuntimeOptions.cpu(1))) {
            // Centred on this face's own features: it reads the logistic of the bias, 0.6, where the old one reads about 0.
            Predictions p = m.predict(img, List.of(crop));
            double[] f = new double[ConfidenceFeatures.COUNT];
            float[] shape = ConfidenceFeaturesTest.meanShape();
            ConfidenceFeatures.compute(p.pointScores(0), p.inputLandmarks(0), 68, 64, shape, new float[68], f);
            FeatureConfidence e = example();
            fc = new FeatureConfidence(f, e.sd(), e.weights(), 0.4, shape);
        }
        FeatureConfidence tenPoints = new FeatureConfidence(fc.mean(), fc.sd(), fc.weights(), fc.bias(), Arrays.copyOf(fc.shape(), 20));
        Map<String, Path> models = Map.of(
                "none", plain,
                "old", withMetadata(plain, "old.onnx", Map.of(ConfidenceCalibration.KEY, old.encode())),
                "both", withMetadata(plain, "both.onnx", Map.of(ConfidenceCalibration.KEY, old.encode(), FeatureConfidence.KEY, fc.encode())),
                "bad", withMetadata(plain, "bad.onnx", Map.of(ConfidenceCalibration.KEY, old.encode(), FeatureConfidence.KEY, "v1;broken")),
                "points", withMetadata(plain, "points.onnx", Map.of(ConfidenceCalibration.KEY, old.encode(), FeatureConfidence.KEY, tenPoints.encode())));
        try (Mat img = new Mat(100, 100, CV_8UC3, new Scalar(30, 120, 200, 0))) {
            for (var e : models.entrySet()) {
                try (LandmarkModel m = LandmarkModel.open(e.getValue(), RuntimeOptions.cpu(1))) {
                    Predictions p = m.predict(img, List.of(crop));
                    float oldConf = old.apply(p.lowDecileScore(0));
                    double[] f = new double[ConfidenceFeatures.COUNT];
                    ConfidenceFeatures.compute(p.pointScores(0), p.inputLandmarks(0), 68, 64, fc.shape(), new float[68], f);
                    float featureConf = fc.apply(f);
                    assertNotEquals(oldConf, featureConf, 0.1f, "the two calibrations differ on this face");
                    switch (e.getKey()) {
                        case "none" -> {
                            assertEquals(p.meanScore(0), p.confidence(0), 1e-6f, "no calibration: the raw mean");
                            assertTrue(!p.calibrated());
                        }
                        case "old", "bad", "points" -> {
                            assertEquals(oldConf, p.confidence(0), 1e-6f, e.getKey() + ": the old single-feature calibration, unchanged");
                            assertNull(m.featureConfidence(), e.getKey());
                            assertTrue(p.calibrated());
                        }
                        case "both" -> {
                            assertEquals(featureConf, p.confidence(0), 1e-4f, "the feature confidence comes first (as written: 6 digits)");
                            assertNotNull(m.featureConfidence());
                            assertTrue(p.calibrated());
                        }
                        default -> throw new AssertionError(e.getKey());
                    }
                }
            }
        }
    }
}
