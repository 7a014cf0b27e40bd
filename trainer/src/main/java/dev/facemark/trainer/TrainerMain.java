package dev.facemark.trainer;

import dev.facemark.trainer.cli.CalibrateCommand;
import dev.facemark.trainer.cli.CalibrateConfidenceCommand;
import dev.facemark.trainer.cli.CliErrors;
import dev.facemark.trainer.cli.EvalCommand;
import dev.facemark.trainer.cli.ExportCommand;
import dev.facemark.trainer.cli.FlipTestCommand;
import dev.facemark.trainer.cli.PreviewAugmentCommand;
import dev.facemark.trainer.cli.HalfCommand;
import dev.facemark.trainer.cli.LrSweepCommand;
import dev.facemark.trainer.cli.ReportCommand;
import dev.facemark.trainer.cli.TrainCommand;
import dev.facemark.core.runtime.KeptMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.OptionalInt;
import java.util.Set;

/** {@code trainer}: train, sweep, evaluate, report on and export (float32 or float16) facial landmark models. */
@Command(name = "trainer", mixinStandardHelpOptions = true, version = "facemark trainer 0.1",
        description = "Trains, evaluates and exports 68-point facial landmark models.",
        subcommands = {TrainCommand.class, LrSweepCommand.class, EvalCommand.class, ReportCommand.class, CalibrateCommand.class, CalibrateConfidenceCommand.class, FlipTestCommand.class, PreviewAugmentCommand.class, ExportCommand.class, HalfCommand.class})
public final class TrainerMain implements Runnable {

    /** Commands that run long enough for the allocator to matter (see {@link KeptMemory}). */
    private static final Set<String> HEAVY = Set.of("train", "lr-sweep");

    public static void main(String[] args) {
        if (args.length > 0 && HEAVY.contains(args[0])) {
            OptionalInt child = KeptMemory.rerunIfNeeded(TrainerMain.class, args);
            if (child.isPresent()) System.exit(child.getAsInt());
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        // JavaCPP's notices (e.g. a version mismatch warning) go through logback, not straight to stderr.
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        CommandLine cl = new CommandLine(new TrainerMain());
        CliErrors.install(cl);
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
