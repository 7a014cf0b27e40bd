package dev.facemark.tracker.cli;

import dev.facemark.tracker.app.ErrorLine;
import dev.facemark.tracker.filter.FilterRegistry;
import dev.facemark.tracker.render.KeyMap;
import dev.facemark.tracker.source.CameraList;
import dev.facemark.tracker.source.SourceLostException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The {@code tracker} command line. Every failure the user can cause or fix (no camera, a corrupt
 * video, an unreachable stream, a model without contract, an unwritable output) ends as one line
 * on stderr and exit code 1; option errors are picocli's usage message and exit code 2; a live
 * source (stream, camera) lost mid-run and not back after its reconnect attempts ends with one line
 * and exit code 3, after every frame processed is written and the outputs are closed.
 */
@Command(name = "tracker", mixinStandardHelpOptions = true, version = "facemark tracker 0.1",
        description = "Real-time 68-point facial landmark tracking.",
        subcommands = {VideoCommand.class, ImageCommand.class, LiveCommand.class, BenchCommand.class, TuneSmoothingCommand.class,
                MotionScoreCommand.class})
public final class TrackerCommand implements Callable<Integer> {
    /** Exit codes: done; an error the user can fix; a usage error; a live source lost after its reconnect attempts. */
    public static final int EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2, EXIT_SOURCE_LOST = 3;

    @Option(names = "--list-cameras", description = "list video4linux cameras and exit")
    boolean listCameras;

    private PrintStream out = System.out;

    @Override
    public Integer call() {
        if (listCameras) {
            var cams = CameraList.scan();
            if (cams.isEmpty()) out.println("no cameras (no /dev/video* devices)");
            cams.forEach(out::println);
            return 0;
        }
        CommandLine.usage(this, out);
        return 2;
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        TrackerCommand root = new TrackerCommand();
        root.out = out;
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        // The key and filter lists come from the code that handles them, so --help cannot drift.
        cl.getSubcommands().get("live").getCommandSpec().usageMessage().footer("", KeyMap.helpText(), FilterRegistry.helpText());
        for (String name : new String[] {"video", "image"}) {
            cl.getSubcommands().get(name).getCommandSpec().usageMessage().footer("", FilterRegistry.helpText());
        }
        for (String name : new String[] {"live", "video", "image"}) cl.getSubcommands().get(name).getCommandSpec().usageMessage().width(100);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("tracker: " + ErrorLine.of(e));
            if (Boolean.getBoolean("facemark.debug")) e.printStackTrace(err);
            return exitCode(e);
        });
        return cl.execute(args);
    }

    /** The exit code a failure ends the command with: {@link #EXIT_SOURCE_LOST} for a lost live source, else {@link #EXIT_ERROR}. */
    public static int exitCode(Throwable e) {
        return e instanceof SourceLostException ? EXIT_SOURCE_LOST : EXIT_ERROR;
    }
}
