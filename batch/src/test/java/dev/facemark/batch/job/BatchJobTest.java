package dev.facemark.batch.job;

import dev.facemark.batch.cli.BatchCommand;
import dev.facemark.core.io.LandmarkReader;
import dev.facemark.core.io.LandmarkRecord;
import dev.facemark.core.io.OpenFaceCsvWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The job in Spark local[2] over real clips (the shared webcam sample, clips cut, scaled, mirrored and
 * encoded here, the demo portrait, a truncated file, a text file, a missing one), read back with Spark.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchJobTest {
    @TempDir static Path dir;
    static Path manifest, out;
    static Cli first;
    static int openedBefore, openedAfterFirst;
    static SparkSession spark;

    @BeforeAll
    static void runTheJobOnce() throws Exception {
        spark = Spark.session();
        Clips.cut(dir.resolve("gen/mirrored.mp4"), 100, 60, 320, 240, true);
        Clips.cut(dir.resolve("gen/sub/small_mjpeg.avi"), 400, 40, 200, 150, false);
        Clips.demo(dir.resolve("gen/demo.mkv"), 30);
        Clips.truncated(dir.resolve("bad/truncated.mp4"));
        Clips.notAVideo(dir.resolve("bad/notavideo.mp4"));
        manifest = Files.writeString(dir.resolve("videos.csv"), String.join("\n",
                "path,label",
                Clips.sample() + ",real",
                "gen/mirrored.mp4,generated",
                "\"gen/sub/small_mjpeg.avi\",generated",
                "gen/demo.mkv,demo",
                "bad/truncated.mp4,broken",
                "bad/notavideo.mp4,broken",
                "missing/nothere.mp4,missing") + "\n");
        out = dir.resolve("out");
        openedBefore = Pipelines.opened();
        first = Cli.batch("--input", manifest.toString(), "--output", out.toString(), "--openface", "--master", "local[2]");
        openedAfterFirst = Pipelines.opened();
    }

    static Map<String, Row> statusByVideo() {
        Map<String, Row> m = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("status").toString()).collectAsList()) {
            assertNull(m.put(r.getAs("video"), r), "one status row per video: " + r);
        }
        return m;
    }

    @Test
    @Order(1)
    void statusTableHasOneRowPerVideoAndTheBrokenOnesFailedWhileTheOthersCompleted() {
        assertEquals(BatchCommand.EXIT_SOME_FAILED, first.code(), first.err());
        assertTrue(first.batchLines().get(0).contains("7 video(s)") && first.batchLines().get(0).contains("7 to process"), first.err());
        assertTrue(first.err().contains("4 ok, 3 failed"), first.err());
        assertFalse(first.err().contains("\tat "), "no stack trace: " + first.err());
        Map<String, Row> s = statusByVideo();
        assertEquals(7, s.size(), s.toString());
        Row sample = s.get(Clips.sample().toString());
        assertEquals("ok", sample.getAs("status"));
        assertEquals(765L, (long) sample.getAs("frames"));
        assertEquals(25.0, (double) sample.getAs("fps"), 0.01);
        assertTrue((long) sample.getAs("faces") > 700, sample.toString());
        assertNull(sample.getAs("error"));
        assertEquals(60L, (long) s.get(dir.resolve("gen/mirrored.mp4").toString()).getAs("frames"));
        assertEquals(40L, (long) s.get(dir.resolve("gen/sub/small_mjpeg.avi").toString()).getAs("frames"));
        assertEquals("ok", s.get(dir.resolve("gen/demo.mkv").toString()).getAs("status"));

        Row cut = s.get(dir.resolve("bad/truncated.mp4").toString());
        assertEquals("failed", cut.getAs("status"));
        assertTrue(((String) cut.getAs("error")).contains("truncated"), cut.toString());
        assertTrue((long) cut.getAs("frames") > 0, "frames read before the cut");
        assertEquals(0L, (long) cut.getAs("faces"), "a failed video keeps no rows");
        assertTrue(((String) s.get(dir.resolve("bad/notavideo.mp4").toString()).getAs("error")).contains("not a video"));
        String missing = s.get(dir.resolve("missing/nothere.mp4").toString()).getAs("error");
        assertTrue(missing.contains("nothere.mp4") && missing.contains("does not exist"), missing);
        for (Row r : s.values()) {
            String e = r.getAs("error");
            if (e != null) assertEquals(1, e.lines().count(), "one line: " + e);
            assertTrue((double) r.getAs("wall_s") > 0);
        }
        assertTrue(openedAfterFirst - openedBefore <= 2, "one model session per task slot, reused: " + (openedAfterFirst - openedBefore));
    }

    @Test
    @Order(2)
    void parquetRowsEqualTrackerVideosJsonlForTheSameClip() {
        Path jsonl = dir.resolve("tracker.jsonl");
        Cli t = Cli.tracker("video", "--input", Clips.sample().toString(), "--landmarks", jsonl.toString(), "--sync-detection", "--no-progress");
        assertEquals(0, t.code(), t.err());
        List<Object[]> expected = new ArrayList<>();
        for (LandmarkRecord f : LandmarkReader.read(jsonl)) for (LandmarkRecord.Face face : f.faces()) expected.add(new Object[] {f, face});
        expected.sort(Comparator.comparingLong((Object[] e) -> ((LandmarkRecord) e[0]).frame()).thenComparingInt(e -> ((LandmarkRecord.Face) e[1]).id()));

        Dataset<Row> table = spark.read().parquet(out.resolve("landmarks").toString());
        assertEquals(Tables.LANDMARKS_SPARK.simpleString(), table.schema().simpleString(), "the documented schema");
        List<Row> rows = table.where(col("video").equalTo(Clips.sample().toString()))
                .selectExpr("*", "flatten(landmarks) AS flat", "size(landmarks) AS points", "forall(landmarks, p -> size(p) = 2) AS pairs")
                .orderBy("frame", "face_id").collectAsList();
        assertEquals(expected.size(), rows.size(), "as many rows as faces in the JSONL");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            LandmarkRecord f = (LandmarkRecord) expected.get(i)[0];
            LandmarkRecord.Face face = (LandmarkRecord.Face) expected.get(i)[1];
            String at = "row " + i + " (frame " + f.frame() + ")";
            assertEquals(f.frame(), (long) r.getAs("frame"), at);
            assertEquals(f.timeMs(), (double) r.getAs("time_ms"), at);
            assertEquals(face.id(), (int) r.getAs("face_id"), at);
            assertArrayEquals(face.box(), floats(r.getList(r.fieldIndex("box"))), at);
            assertEquals(68, (int) r.getAs("points"), at);
            assertTrue((boolean) r.getAs("pairs"), "[x, y] pairs: " + at);
            assertArrayEquals(face.landmarks(), floats(r.getList(r.fieldIndex("flat"))), at);
            if (face.pointScores() == null) assertTrue(r.isNullAt(r.fieldIndex("point_confidence")), at);
            else assertArrayEquals(face.pointScores(), floats(r.getList(r.fieldIndex("point_confidence"))), at);
            assertEquals(face.score(), (float) r.getAs("confidence"), at);
            Row pose = r.getAs("pose");
            assertNotNull(pose, at);
            assertArrayEquals(face.pose(), new float[] {pose.getAs("yaw"), pose.getAs("pitch"), pose.getAs("roll")}, at);
            assertTrue((double) pose.getAs("tz") > 100, "millimetres in front of the camera: " + pose);
            assertEquals("fast", r.getAs("model"));
        }
        // The video's own file keeps its rows in frame order.
        String file = out.resolve("landmarks/part-" + VideoRef.key(Clips.sample().toString()) + ".parquet").toString();
        long last = -1;
        for (Row r : spark.read().parquet(file).select("frame").collectAsList()) {
            assertTrue(r.getLong(0) >= last, "frame order");
            last = r.getLong(0);
        }
        assertEquals(0, table.where(col("video").contains("/bad/").or(col("video").contains("missing"))).count(), "no rows for failed videos");
    }

    @Test
    @Order(3)
    void openFaceCsvHasOpenFacesHeaderAndParsesWithAPlainCsvReader() throws Exception {
        VideoRef sample = new VideoRef(Clips.sample().toString(), -1);
        Path csv = out.resolve("openface/webcam_talking-" + sample.key() + ".csv");
        List<String> lines = Files.readAllLines(csv);
        assertEquals(OpenFaceCsvWriter.header(68), lines.get(0));
        assertTrue(lines.get(0).startsWith("frame,face_id,timestamp,confidence,success,pose_Tx,pose_Ty,pose_Tz,pose_Rx,pose_Ry,pose_Rz,x_0,"));
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(147, header.size());
        long frame = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            assertEquals(147, f.length, l);
            long fr = Long.parseLong(f[header.indexOf("frame")]);
            assertTrue(fr == frame || fr == frame + 1, "1-based frames in order: " + fr);
            frame = fr;
            for (String v : f) Double.parseDouble(v); // every cell a number
        }
        assertEquals(765, frame);
        assertFalse(Files.list(out.resolve("openface")).anyMatch(p -> p.getFileName().toString().contains("truncated")), "no CSV for a failed video");
    }

    @Test
    @Order(4)
    void aRerunSkipsWhatIsDoneRetriesWhatFailedAndAddsNoDuplicates() {
        long rowsBefore = spark.read().parquet(out.resolve("landmarks").toString()).count();
        Cli again = Cli.batch("--input", manifest.toString(), "--output", out.toString(), "--openface");
        assertEquals(BatchCommand.EXIT_SOME_FAILED, again.code(), again.err());
        assertTrue(again.batchLines().get(0).contains("4 already done (skipped), 3 to process"), again.err());
        assertEquals(7, statusByVideo().size());
        Dataset<Row> table = spark.read().parquet(out.resolve("landmarks").toString());
        assertEquals(rowsBefore, table.count());
        assertEquals(rowsBefore, table.select("video", "frame", "face_id").distinct().count(), "no duplicate rows");
        assertEquals(openedAfterFirst, Pipelines.opened(), "the rerun reused the model sessions");

        Cli other = Cli.batch("--input", manifest.toString(), "--output", out.toString(), "--max-faces", "2");
        assertEquals(BatchCommand.EXIT_ERROR, other.code());
        assertEquals(List.of("batch: --output " + out + " was written with other tracking options (--max-faces=8 then, 2 now); "
                + "rerun with those, or give a new --output"), other.batchLines());
    }

    static float[] floats(List<Float> l) {
        float[] a = new float[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }
}
