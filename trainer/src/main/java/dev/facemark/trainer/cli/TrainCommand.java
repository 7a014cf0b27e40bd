package dev.facemark.trainer.cli;

import dev.facemark.trainer.train.RunConfigFile;
import dev.facemark.trainer.train.TrainConfig;
import dev.facemark.trainer.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.util.concurrent.Callable;

/** {@code trainer train}: one training run into a run folder (resumable). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a landmark model on the TRAIN splits (validation held out by clip), checkpointing every epoch.",
                "Writes RUN_DIR/{config.json,log.csv,loss.png,checkpoints/,best/,model.onnx}."})
public final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin TrainOptions o;
    @Option(names = "--resume", description = "continue the run in --out from its latest checkpoint (its saved settings; --epochs may extend it)")
    boolean resume;
    @Option(names = "--init", paramLabel = "MODEL.onnx", description = "start from the weights of a model this trainer exported"
            + " (same --arch and --arch-option), e.g. to continue a shipped model with a new schedule; ignored on --resume")
    java.nio.file.Path init;

    @Override
    public Integer call() throws Exception {
        TrainConfig cfg;
        if (resume && Files.isRegularFile(o.out.resolve(RunConfigFile.NAME))) {
            cfg = RunConfigFile.read(o.out);
            if (spec.commandLine().getParseResult().hasMatchedOption("--epochs")) cfg = cfg.withEpochs(o.epochs);
        } else {
            cfg = o.config();
        }
        TrainingRun run = new TrainingRun(cfg, o.out, System.out, !o.noProgress);
        run.withFinisher(RunExport::export);
        if (init != null) {
            if (!Files.isRegularFile(init)) throw new UserException(init + ": no such model file (give an .onnx exported by trainer train or export)");
            run.initFrom(init);
        }
        run.run(resume);
        return 0;
    }
}
