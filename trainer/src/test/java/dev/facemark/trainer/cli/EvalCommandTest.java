package dev.facemark.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.TestData;
import dev.facemark.trainer.data.TrainingFaces;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Architectures;
import dev.facemark.trainer.model.LandmarkNet;
import dev.facemark.trainer.onnx.OnnxExporter;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trainer eval} on a tiny real ONNX model and a few real test faces writes the promised JSON keys and a CED plot. */
class EvalCommandTest {
    @TempDir static Path tmp;
    static Path model, data;

    @BeforeAll
    static void tinyModelAndData() throws IOException {
        LandmarkNet net = Architectures.create("fast", new ArchConfig(32, 32, 1, 68, Map.of("head", "regress")));
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            net.initialize(m);
            model = tmp.resolve("tiny.onnx");
            OnnxExporter.export(net, net.contract("tiny", PointScheme.IBUG_68, Normalization.GREY_UNIT, BoxPolicy.DEFAULT, Map.of()), model);
        }
        // A small 300-W-shaped folder: two faces from each common-set subset (copied into the temp folder only).
        data = tmp.resolve("300w");
        for (String sub : List.of("helen/testset", "lfpw/testset")) {
            Path src = TestData.requireRoot().resolve("300w").resolve(sub), dst = data.resolve(sub);
            Files.createDirectories(dst);
            try (Stream<Path> s = Files.list(src)) {
                for (Path pts : s.filter(p -> p.toString().endsWith(".pts")).sorted().limit(2).toList()) {
                    Files.copy(pts, dst.resolve(pts.getFileName()));
                    String stem = pts.getFileName().toString().replace(".pts", "");
                    for (String ext : List.of(".jpg", ".png")) {
                        Path img = pts.resolveSibling(stem + ext);
                        if (Files.exists(img)) Files.copy(img, dst.resolve(img.getFileName()));
                    }
                }
            }
        }
    }

    @Test
    void writesReportKeysAsFractionsAndCed() throws IOException {
        Path json = tmp.resolve("out.json");
        CliRunner.Result r = CliRunner.run("eval", "--model", model.toString(), "--data", data.toString(), "--split", "common",
                "--json", json.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("AUC@0.08"), r.out());
        assertTrue(r.out().contains("helen/testset") && r.out().contains("lfpw/testset"), "per-subset lines: " + r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        for (String k : List.of("faces", "nme", "nme_median", "auc08", "fr08")) assertTrue(j.has(k), "key " + k + " in " + j);
        assertEquals(4, j.get("faces").asInt());
        double nme = j.get("nme").asDouble();
        assertTrue(nme > 0 && nme < 10, "NME is a fraction: " + nme);
        assertTrue(j.get("auc08").asDouble() >= 0 && j.get("auc08").asDouble() <= 1);
        assertTrue(j.get("fr08").asDouble() >= 0 && j.get("fr08").asDouble() <= 1);
        assertEquals(2, j.get("subsets").size());
        assertTrue(Files.size(tmp.resolve("out-ced.png")) > 1000, "CED plot written");
    }

    @Test
    void detectorBoxesComeFromThePackagedYuNetByDefault() throws IOException {
        Path json = tmp.resolve("det.json");
        CliRunner.Result r = CliRunner.run("eval", "--model", model.toString(), "--data", data.toString(), "--split", "common",
                "--boxes", "detector", "--json", json.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("detector", j.get("boxes").asText());
        assertEquals("yunet", j.get("detector").asText(), "--boxes detector means the default detector, the packaged YuNet");
        assertEquals(4, j.get("faces").asInt());
        assertEquals(0, j.get("detector_misses").asInt(), "YuNet finds all four frontal 300-W test faces");
    }

    @Test
    void facesTurnedSidewaysAreFoundAndFittedUpright() throws IOException {
        // The shipped model on the four real faces, upright and turned a quarter turn either way: the detector's roll
        // search finds every face and the crop is turned upright, so the fit stays as good as upright.
        Path shipped = TestData.shippedModel("fast.onnx");
        double upright = Double.NaN;
        for (String roll : List.of("0", "90", "-90", "45")) {
            Path json = tmp.resolve("roll" + roll + ".json");
            CliRunner.Result r = CliRunner.run("eval", "--model", shipped.toString(), "--data", data.toString(), "--split", "common",
                    "--boxes", "detector", "--roll", roll, "--json", json.toString(), "--threads", "1");
            assertEquals(0, r.exit(), r.err());
            JsonNode j = new ObjectMapper().readTree(json.toFile());
            assertEquals(0, j.get("detector_misses").asInt(), "roll " + roll + ": every face found");
            double nme = j.get("nme").asDouble();
            if (roll.equals("0")) upright = nme;
            assertTrue(nme < 0.08 && nme < 1.5 * upright + 0.01, "roll " + roll + ": NME " + nme + " against " + upright + " upright");
        }
    }

    @Test
    void occludedFacesCostAccuracyTheSameWayForEveryRun() throws IOException {
        // The shipped model on the four real faces with 40% of each face box painted over: worse than clean, still
        // a fit (not lost), and the same patches, so the same number, on a second run.
        Path shipped = TestData.shippedModel("fast.onnx");
        double[] nme = new double[3];
        String[] share = {"0", "0.4", "0.4"};
        for (int k = 0; k < 3; k++) {
            Path json = tmp.resolve("occ" + k + ".json");
            CliRunner.Result r = CliRunner.run("eval", "--model", shipped.toString(), "--data", data.toString(), "--split", "common",
                    "--occlude", share[k], "--no-flip", "--json", json.toString(), "--threads", "1");
            assertEquals(0, r.exit(), r.err());
            JsonNode j = new ObjectMapper().readTree(json.toFile());
            assertEquals(Double.parseDouble(share[k]), j.get("occluded_share").asDouble());
            nme[k] = j.get("nme").asDouble();
            if (k > 0) assertTrue(r.out().contains("40% of each face box occluded"), r.out());
        }
        assertTrue(nme[1] > nme[0] * 1.05, "occluded " + nme[1] + " vs clean " + nme[0]);
        assertTrue(nme[1] < 0.2, "occluded faces are still fitted: " + nme[1]);
        assertEquals(nme[1], nme[2], "the same patch on the same face every run");
        CliRunner.Result bad = CliRunner.run("eval", "--model", shipped.toString(), "--data", data.toString(), "--occlude", "1.5");
        assertEquals(1, bad.exit(), "a user mistake: exit 1");
        assertTrue(bad.err().contains("--occlude") && bad.err().lines().count() == 1, bad.err());
    }

    @Test
    void yunetBoxesUseTheSharedYuNetDetectorAndItsCalibration() throws IOException {
        Path json = tmp.resolve("yunet.json");
        CliRunner.Result r = CliRunner.run("eval", "--model", model.toString(), "--data", data.toString(), "--split", "common",
                "--boxes", "yunet", "--yunet-model", TestData.yunetModel().toString(), "--json", json.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("detector (yunet) boxes"), r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("detector", j.get("boxes").asText());
        assertEquals("yunet", j.get("detector").asText());
        assertEquals(4, j.get("faces").asInt());
        // With the fitted calibration every calibrated YuNet box overlaps its frontal face's landmark box by IoU >= 0.3.
        assertEquals(0, j.get("detector_misses").asInt(), "detector misses: " + j.get("detector_misses"));
        CliRunner.Result missing = CliRunner.run("eval", "--model", model.toString(), "--data", data.toString(),
                "--boxes", "yunet", "--yunet-model", tmp.resolve("nope-yunet.onnx").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nope-yunet.onnx") && missing.err().strip().lines().count() == 1, missing.err());
    }

    /** {@code eval} on the common split with {@code extra} options, writing tmp/NAME.csv (predictions) and tmp/NAME.json. */
    private static CliRunner.Result evalCommon(String name, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--model", model.toString(), "--data", data.toString(),
                "--split", "common", "--threads", "1", "--predictions", tmp.resolve(name + ".csv").toString(),
                "--json", tmp.resolve(name + ".json").toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(new String[0]));
    }

    @Test
    void theTrackersDetectorSpellingPicksTheSameDetectorAsTheDeprecatedOnes() throws IOException {
        String yunet = TestData.yunetModel().toString();
        assertEquals(0, evalCommon("yunet-old", "--boxes", "yunet", "--yunet-model", yunet).exit());
        CliRunner.Result r = evalCommon("yunet-new", "--boxes", "detector", "--detector", "yunet:" + yunet);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("detector (yunet) boxes"), r.out());
        assertEquals(Files.readString(tmp.resolve("yunet-old.csv")), Files.readString(tmp.resolve("yunet-new.csv")), "same boxes, same answers");
        CliRunner.Result implied = evalCommon("yunet-implied", "--detector", "yunet:" + yunet);
        assertEquals(0, implied.exit(), implied.err());
        assertEquals(Files.readString(tmp.resolve("yunet-old.csv")), Files.readString(tmp.resolve("yunet-implied.csv")),
                "--detector alone means detector boxes");
        assertEquals(0, evalCommon("haar-old", "--boxes", "haar").exit());
        assertEquals(0, evalCommon("haar-new", "--detector", "haar").exit());
        assertEquals(Files.readString(tmp.resolve("haar-old.csv")), Files.readString(tmp.resolve("haar-new.csv")));
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("haar-new.json").toFile());
        assertEquals("detector", j.get("boxes").asText());
        assertEquals("haar", j.get("detector").asText());
        for (String[] bad : new String[][] {{"--boxes", "yunet", "--detector", "haar"}, {"--boxes", "gt", "--detector", "haar"},
                {"--detector", "ssd"}, {"--detector", "yunet:" + tmp.resolve("nope-yunet.onnx")}}) {
            CliRunner.Result e = evalCommon("bad", bad);
            assertEquals(1, e.exit(), String.join(" ", bad) + ": " + e.err());
            assertTrue(e.err().startsWith("error: ") && e.err().strip().lines().count() == 1, e.err());
        }
    }

    @Test
    void flipAveragesEachFaceWithItsMirrorAndSaysSo() throws IOException {
        assertEquals(0, evalCommon("noflip").exit());
        CliRunner.Result r = evalCommon("flip", "--flip");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("flip-averaged"), r.out());
        assertTrue(new ObjectMapper().readTree(tmp.resolve("flip.json").toFile()).get("flip").asBoolean());
        assertNotEquals(Files.readString(tmp.resolve("noflip.csv")), Files.readString(tmp.resolve("flip.csv")),
                "the mirrored pass changes the answers");
    }

    @Test
    void refinePassesCropFromThePreviousPassLikeTheTracker() throws IOException {
        assertEquals(0, evalCommon("plain").exit());
        CliRunner.Result r = evalCommon("refined", "--refine", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("1 tracking-mode refinement pass"), r.out());
        assertEquals(1, new ObjectMapper().readTree(tmp.resolve("refined.json").toFile()).get("refine").asInt());
        assertNotEquals(Files.readString(tmp.resolve("plain.csv")), Files.readString(tmp.resolve("refined.csv")),
                "the second pass crops from the first pass's points");
        CliRunner.Result bad = CliRunner.run("eval", "--model", model.toString(), "--data", data.toString(), "--refine", "-1");
        assertEquals(1, bad.exit());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    @Test
    void unreadableModelIsOneLine() throws IOException {
        Path bad = tmp.resolve("bad.onnx");
        Files.writeString(bad, "not a model");
        CliRunner.Result r = CliRunner.run("eval", "--model", bad.toString(), "--data", data.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("bad.onnx"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void missingModelAndDataAreOneLine() {
        CliRunner.Result r = CliRunner.run("eval", "--model", tmp.resolve("nope.onnx").toString(), "--data", data.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nope.onnx") && !r.err().contains("\tat "), r.err());
        CliRunner.Result d = CliRunner.run("eval", "--model", model.toString(), "--data", tmp.resolve("nodata").toString());
        assertEquals(1, d.exit());
        assertTrue(d.err().contains("nodata") && d.err().strip().lines().count() == 1, d.err());
    }

    @Test
    void valSplitIsTheTrainersHeldOutValidationFaces() throws IOException {
        Path root = TestData.requireRoot(), csv = tmp.resolve("val.csv");
        CliRunner.Result r = CliRunner.run("eval", "--model", model.toString(), "--data", root.toString(), "--split", "val",
                "--every", "25", "--predictions", csv.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        java.util.Set<String> val = new java.util.HashSet<>();
        TrainingFaces.split(TrainingFaces.load(root, TrainingFaces.KNOWN), 0.1, 42L).validation().samples().forEach(f -> val.add(f.name()));
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.size() > 10, rows.size() + " rows");
        for (String row : rows.subList(1, rows.size())) {
            String name = row.substring(0, row.indexOf(','));
            assertTrue(val.contains(name), name + " is one of train's validation faces (seed 42, fraction 0.1)");
        }
        CliRunner.Result wrong = CliRunner.run("eval", "--model", model.toString(), "--data", data.toString(), "--split", "val");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("300w/ and ytf/") && wrong.err().strip().lines().count() == 1, wrong.err());
    }

    @Test
    void flipTestWritesTheModelsDefaultAndEvalFollowsItUnlessTold() throws IOException {
        Path m = tmp.resolve("flip-default.onnx");
        Files.copy(model, m);
        CliRunner.Result set = CliRunner.run("flip-test", "--model", m.toString(), "on");
        assertEquals(0, set.exit(), set.err());
        CliRunner.Result byDefault = CliRunner.run("eval", "--model", m.toString(), "--data", data.toString(), "--threads", "1");
        assertEquals(0, byDefault.exit(), byDefault.err());
        assertTrue(byDefault.out().contains("flip-averaged"), byDefault.out());
        Path json = tmp.resolve("noflip.json");
        CliRunner.Result told = CliRunner.run("eval", "--model", m.toString(), "--data", data.toString(), "--threads", "1", "--no-flip",
                "--json", json.toString());
        assertEquals(0, told.exit(), told.err());
        assertTrue(!told.out().contains("flip-averaged"), told.out());
        assertEquals(false, new ObjectMapper().readTree(json.toFile()).get("flip").asBoolean(true));
        assertNotEquals(byDefault.out().lines().filter(l -> l.startsWith("all:")).findFirst().orElseThrow(),
                told.out().lines().filter(l -> l.startsWith("all:")).findFirst().orElseThrow(), "two different runs");

        assertEquals(0, CliRunner.run("flip-test", "--model", m.toString(), "off").exit());
        CliRunner.Result off = CliRunner.run("eval", "--model", m.toString(), "--data", data.toString(), "--threads", "1");
        assertTrue(!off.out().contains("flip-averaged"), off.out());
        CliRunner.Result bad = CliRunner.run("flip-test", "--model", m.toString(), "maybe");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("on or off") && bad.err().strip().lines().count() == 1, bad.err());
    }
}
