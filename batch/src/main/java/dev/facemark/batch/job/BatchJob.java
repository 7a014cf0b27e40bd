package dev.facemark.batch.job;

import dev.facemark.core.Snippet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The driver: check the model, input and output before any work, start (or join) Spark, list the
 * videos, skip those whose status says ok, and run one task per video, longest first, with a
 * progress line. Every check that fails is one {@link BatchException} line.
 */
public final class BatchJob {
    private BatchJob() {}

    /** What the job did: videos in the input, skipped as already done, processed ok and failed now, frames processed, seconds. */
    public record Result(int videos, int skipped, int ok, int failed, long frames, double seconds, List<VideoStatus> statuses) {}

    public static Result run(BatchRequest request, PrintWriter err) {
        checkLocalPaths(request.input(), request.settings().output());
        // Open the model and detector here first: a bad --model or --detector is one line before Spark starts.
        Pipelines.Pipeline p = Pipelines.borrow(request.settings());
        BatchSettings settings = request.settings().withModel(p.model().contract().name());
        Pipelines.release(settings, p); // in local mode the tasks run in this JVM: they reuse it

        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = ownSession ? start(request) : SparkSession.active();
        try {
            return run(spark, request, settings, err);
        } finally {
            if (ownSession) spark.stop();
        }
    }

    private static Result run(SparkSession spark, BatchRequest request, BatchSettings settings, PrintWriter err) {
        long start = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<VideoRef> videos = VideoInputs.resolve(request.input(), hadoop);
        OutputLayout layout = new OutputLayout(settings.output());
        layout.prepare(hadoop, "model=" + settings.model() + " " + request.settingsLine(), settings.openface());

        Set<String> done = done(jsc, layout);
        List<VideoRef> todo = new ArrayList<>();
        for (VideoRef v : videos) if (!done.contains(v.video())) todo.add(v);
        // Longest first (when sizes are known), so that no long video starts last and holds the job up alone.
        todo.sort(Comparator.comparingLong(VideoRef::size).reversed());
        int skipped = videos.size() - todo.size();
        if (request.progress()) {
            err.println("batch: " + videos.size() + " video(s) in " + Snippet.path(request.input()) + (skipped > 0 ? ", " + skipped + " already done (skipped)" : "")
                    + ", " + todo.size() + " to process on " + spark.sparkContext().master() + " (" + spark.sparkContext().defaultParallelism() + " task slots)");
            err.flush();
        }
        if (todo.isEmpty()) return new Result(videos.size(), skipped, 0, 0, 0, 0, List.of());

        LongAccumulator doneAcc = jsc.sc().longAccumulator("videos done"), failedAcc = jsc.sc().longAccumulator("videos failed"),
                framesAcc = jsc.sc().longAccumulator("frames");
        Broadcast<SerializableConf> conf = jsc.broadcast(new SerializableConf(new Configuration(hadoop)));
        jsc.setJobGroup("facemark-batch", "facemark batch: " + todo.size() + " videos -> " + settings.output(), true);
        JavaRDD<VideoRef> rdd = jsc.parallelize(todo, todo.size());
        Progress progress = request.progress() ? Progress.start(err, todo.size(), doneAcc, failedAcc, framesAcc) : null;
        List<VideoStatus> statuses;
        try {
            statuses = rdd.map(v -> {
                VideoStatus s = VideoTask.run(v, settings, conf.value().get());
                doneAcc.add(1);
                if (!s.ok()) failedAcc.add(1);
                framesAcc.add(s.frames());
                return s;
            }).collect();
        } catch (RuntimeException e) {
            // Executors lost, the output broken, the job cancelled: what is committed stays, and a rerun resumes from it.
            String why = Snippet.clean(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
            throw new BatchException("the Spark job stopped (" + doneAcc.value() + " of " + todo.size() + " videos done and kept): " + why
                    + "; see Spark's log for the cause, then rerun the same command to go on");
        } finally {
            if (progress != null) progress.stop();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int failed = (int) statuses.stream().filter(s -> !s.ok()).count();
        long frames = statuses.stream().mapToLong(VideoStatus::frames).sum();
        Result r = new Result(videos.size(), skipped, statuses.size() - failed, failed, frames, seconds, statuses);
        summary(err, r, settings.output());
        return r;
    }

    /**
     * The videos whose status row says ok: their files are complete. Read with Parquet's own reader,
     * not Spark SQL (whose first query costs seconds of start-up): here for a few files, in Spark tasks for many.
     */
    static Set<String> done(JavaSparkContext jsc, OutputLayout layout) {
        Configuration hadoop = jsc.hadoopConfiguration();
        List<String> files = new ArrayList<>();
        try {
            var fs = layout.statusDir().getFileSystem(hadoop);
            for (var st : fs.listStatus(layout.statusDir(), p -> p.getName().endsWith(".parquet") && !p.getName().startsWith("."))) {
                files.add(st.getPath().toString());
            }
        } catch (java.io.IOException e) {
            throw new BatchException("cannot list " + Snippet.path(layout.statusDir()) + ": " + Snippet.clean(e.getMessage()));
        }
        List<String[]> rows;
        if (files.size() <= LOCAL_STATUS_READS) {
            rows = new ArrayList<>();
            for (String f : files) rows.add(Tables.readStatus(f, hadoop));
        } else {
            Broadcast<SerializableConf> conf = jsc.broadcast(new SerializableConf(new Configuration(hadoop)));
            rows = jsc.parallelize(files, Math.max(1, Math.min(files.size() / 64, 4 * jsc.defaultParallelism())))
                    .map(f -> Tables.readStatus(f, conf.value().get())).collect();
        }
        Set<String> out = new HashSet<>();
        for (String[] r : rows) if (r != null && Tables.OK.equals(r[1])) out.add(r[0]);
        return out;
    }

    /** Up to this many status files are read on the driver, more in Spark tasks. */
    static int LOCAL_STATUS_READS = Integer.getInteger("facemark.batch.localStatusReads", 200);

    private static void summary(PrintWriter err, Result r, String output) {
        double perHour = r.seconds() > 0 ? (r.ok() + r.failed()) * 3600 / r.seconds() : 0;
        err.println(String.format(Locale.ROOT, "batch: %d video(s) in %.1f s: %d ok, %d failed%s; %d frames, %.0f frames/s, %.0f videos/hour -> %s",
                r.ok() + r.failed(), r.seconds(), r.ok(), r.failed(), r.skipped() > 0 ? ", " + r.skipped() + " skipped (done before)" : "",
                r.frames(), r.seconds() > 0 ? r.frames() / r.seconds() : 0, perHour, Snippet.path(output)));
        int shown = 0;
        for (VideoStatus s : r.statuses()) {
            if (s.ok()) continue;
            if (shown++ == 5) {
                err.println("batch: ... and " + (r.failed() - 5) + " more failed: see the status table (" + Snippet.path(output) + "/status)");
                break;
            }
            err.println("batch: failed: " + s.error());
        }
        err.flush();
    }

    private static SparkSession start(BatchRequest request) {
        SparkConf conf = new SparkConf(true).setAppName("facemark batch");
        for (Map.Entry<String, String> e : request.sparkConf().entrySet()) conf.set(e.getKey(), e.getValue());
        if (request.master() != null) conf.setMaster(request.master());
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        String master = conf.get("spark.master");
        if (master.startsWith("local")) {
            // One machine: no need to find this host's name on the network.
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false"); // our own progress line instead
        try {
            return SparkSession.builder().config(conf).getOrCreate();
        } catch (RuntimeException e) {
            throw new BatchException("cannot start Spark (master " + master + "): " + Snippet.clean(String.valueOf(e.getMessage()))
                    + "; check --master and --conf");
        }
    }

    /** Local inputs and outputs are checked before Spark starts, so a typo costs no start-up. */
    private static void checkLocalPaths(String input, String output) {
        if (input != null && VideoInputs.scheme(input) == null && !VideoInputs.isGlob(input) && !Files.exists(java.nio.file.Path.of(input))) {
            throw new BatchException("input " + Snippet.path(input) + " does not exist; " + VideoInputs.WHAT);
        }
        if (output != null && VideoInputs.scheme(output) == null) {
            java.nio.file.Path out = java.nio.file.Path.of(output).toAbsolutePath();
            if (Files.isRegularFile(out)) throw new BatchException("--output " + Snippet.path(output) + " is a file; give a folder (it is created when missing)");
            java.nio.file.Path p = out;
            while (p != null && !Files.exists(p)) p = p.getParent();
            if (p != null && !Files.isDirectory(p)) {
                throw new BatchException("--output " + Snippet.path(output) + ": " + p + " is a file, not a folder; give a folder");
            }
            if (p != null && !Files.isWritable(p)) throw new BatchException("--output " + Snippet.path(output) + ": cannot write in " + p + "; check its permissions");
        }
    }
}
