package dev.facemark.batch.job;

import dev.facemark.batch.BatchMain;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A real kill: the job runs in a second JVM (java -cp ... BatchMain, Spark local[1]) and is killed with
 * SIGKILL once some videos are done; the rerun completes the rest, and the output holds every video's
 * rows exactly once, the same rows as for its identical copies processed before the kill.
 */
class KillResumeTest {
    @TempDir Path dir;

    static long committed(Path statusDir) throws Exception {
        if (!Files.isDirectory(statusDir)) return 0;
        try (Stream<Path> s = Files.list(statusDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-") && p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    @Test
    void aKilledJobRerunWritesEveryVideoOnceWithTheSameRows() throws Exception {
        SparkSession spark = Spark.session();
        Path clip = Clips.cut(dir.resolve("videos/clip0.mp4"), 0, 120, 400, 300, false);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path p = i == 0 ? clip : Files.copy(clip, dir.resolve("videos/clip" + i + ".mp4"));
            names.add(p.toString());
        }
        Path manifest = Files.write(dir.resolve("videos.txt"), List.of("# six copies of one clip", "videos/clip0.mp4", "videos/clip1.mp4",
                "videos/clip2.mp4", "videos/clip3.mp4", "videos/clip4.mp4", "videos/clip5.mp4"));
        Path out = dir.resolve("out");

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        cmd.addAll(List.of(System.getProperty("spark.add.opens.args", "").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dfacemark.root=" + Clips.root(), BatchMain.class.getName(),
                "--input", manifest.toString(), "--output", out.toString(), "--master", "local[1]", "--conf", "spark.ui.enabled=false"));
        Process job = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("job.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (committed(out.resolve("status")) < 2 && job.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(job.isAlive(), "the job must still be running when it is killed: " + Files.readString(dir.resolve("job.log")));
        job.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
        long before = committed(out.resolve("status"));
        assertTrue(before >= 2 && before < 6, "killed part-way: " + before + " of 6 done");

        Cli rerun = Cli.batch("--input", manifest.toString(), "--output", out.toString());
        assertEquals(0, rerun.code(), rerun.err());
        assertTrue(rerun.batchLines().get(0).contains(before + " already done (skipped), " + (6 - before) + " to process"), rerun.err());

        List<Row> status = spark.read().parquet(out.resolve("status").toString()).collectAsList();
        assertEquals(6, status.size());
        Map<String, Long> faces = new HashMap<>();
        for (Row r : status) {
            assertEquals("ok", r.getAs("status"), r.toString());
            faces.put(r.getAs("video"), r.getAs("faces"));
        }
        assertEquals(new java.util.HashSet<>(names), faces.keySet());

        var table = spark.read().parquet(out.resolve("landmarks").toString());
        long rows = table.count();
        assertEquals(rows, table.select("video", "frame", "face_id").distinct().count(), "no duplicate rows");
        assertEquals(faces.values().stream().mapToLong(Long::longValue).sum(), rows, "the status counts every row");
        // Identical copies give identical rows, whether done before the kill (other JVM) or after it.
        List<List<Object>> reference = null;
        for (String v : names) {
            List<List<Object>> these = new ArrayList<>();
            for (Row r : table.where(table.col("video").equalTo(v)).selectExpr("frame", "face_id", "confidence", "flatten(landmarks) AS flat")
                    .orderBy("frame", "face_id").collectAsList()) {
                these.add(List.of(r.get(0), r.get(1), r.get(2), r.getList(3)));
            }
            assertEquals(120, these.stream().map(l -> l.get(0)).distinct().count(), v + ": a face in every frame");
            if (reference == null) reference = these;
            else assertEquals(reference, these, v);
        }
        try (Stream<Path> s = Files.walk(out)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no leftovers of the killed run");
        }
    }
}
