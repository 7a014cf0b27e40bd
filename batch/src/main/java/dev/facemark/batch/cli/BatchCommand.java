package dev.facemark.batch.cli;

import dev.facemark.batch.job.BatchException;
import dev.facemark.batch.job.BatchJob;
import dev.facemark.batch.job.BatchRequest;
import dev.facemark.batch.job.BatchSettings;
import dev.facemark.tracker.app.ErrorLine;
import dev.facemark.tracker.app.TrackingSetup;
import dev.facemark.tracker.cli.ModelOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code batch --input IN --output OUT}: the tracker over a video archive on Apache Spark. Exit codes:
 * 0 every video done, 1 an input, output or option the user can fix (one line, nothing processed),
 * 2 a usage error, {@value #EXIT_SOME_FAILED} the job ran but some videos failed (their rows in the
 * status table say why).
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false, version = "facemark batch 0.1",
        description = {"Track faces through every video of an archive on Apache Spark (local[*] here, spark-submit on a cluster).",
                "Writes OUT/landmarks (Parquet, one row per face per frame), OUT/status (Parquet, one row per video) and,",
                "with --openface, OUT/openface/NAME-KEY.csv. A rerun skips the videos already done and retries failed ones."})
public final class BatchCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2, EXIT_SOME_FAILED = 4;

    @Option(names = "--input", required = true, paramLabel = "IN",
            description = "a folder of videos (searched recursively), a glob ('DIR/*.mp4'), a manifest (.txt: one path or URI per line; "
                    + ".csv: its path column), or one video; local paths or any Hadoop file system URI (hdfs://, s3a://, ...)")
    String input;

    @Option(names = "--output", required = true, paramLabel = "OUT", description = "output folder, local or a Hadoop URI (created when missing)")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: local[*], or what spark-submit was given)")
    String master;

    @Option(names = "--openface", description = "also write an OpenFace CSV per video (OUT/openface)")
    boolean openface;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, e.g. --conf spark.ui.enabled=false (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--async-detection", description = "run the periodic face detection in the background as 'tracker video' does by default "
            + "(default here: in line, so that a video's rows are the same on every run)")
    boolean asyncDetection;

    @Option(names = "--prefetch", description = "decode one frame ahead on a second thread per task (default: one thread per task)")
    boolean prefetch;

    @Option(names = "--no-progress", description = "no progress lines on stderr")
    boolean noProgress;

    @Mixin ModelOptions model = new ModelOptions();

    @Spec CommandSpec spec;

    /** Tracking options of the mixin that change results (not --threads), in their canonical form, for OUT/_settings.txt. */
    String settingsLine() {
        List<String> parts = new ArrayList<>();
        List<OptionSpec> options = new ArrayList<>(spec.mixins().get("model").options());
        options.sort(Comparator.comparing(OptionSpec::longestName));
        for (OptionSpec o : options) {
            if (o.longestName().equals("--threads") || o.longestName().equals("--sync-detection")) continue;
            Object v = o.getValue();
            parts.add(o.longestName() + "=" + (v == null ? "default" : String.valueOf(v).replaceAll("\\s", "_")));
        }
        parts.add("--async-detection=" + asyncDetection);
        return String.join(" ", parts);
    }

    /** The tracking options as typed: the arguments that belong to the mixin, recorded with the rows they made. */
    List<String> trackerArgs() {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec.mixins().get("model").options()) {
            Object v = o.getValue();
            if (!spec.commandLine().getParseResult().hasMatchedOption(o)) continue;
            if (o.arity().max == 0) {
                if (Boolean.TRUE.equals(v)) out.add(o.longestName());
            } else {
                out.add(o.longestName());
                out.add(String.valueOf(v));
            }
        }
        return out;
    }

    private PrintWriter err;

    @Override
    public Integer call() {
        TrackingSetup tracking = model.setup().withParams(p -> p.withAsyncDetection(asyncDetection));
        BatchSettings settings = new BatchSettings(tracking, trackerArgs(), output, openface, prefetch, "");
        BatchJob.Result r = BatchJob.run(new BatchRequest(input, settings, settingsLine(), master, conf, !noProgress), err);
        return r.failed() > 0 ? EXIT_SOME_FAILED : EXIT_OK;
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        BatchCommand cmd = new BatchCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cmd.err = cl.getErr();
        cl.getCommandSpec().usageMessage().width(110);
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            err.println("batch: " + message(e));
            if (Boolean.getBoolean("facemark.debug")) e.printStackTrace(err);
            return EXIT_ERROR;
        });
        return cl.execute(args);
    }

    /** One line: our own messages as they are, anything else named without its stack trace. */
    static String message(Throwable e) {
        if (e instanceof BatchException) return e.getMessage();
        return ErrorLine.of(e);
    }
}
