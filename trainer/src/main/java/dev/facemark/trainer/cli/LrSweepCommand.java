package dev.facemark.trainer.cli;

import dev.facemark.trainer.train.LrSweep;
import dev.facemark.trainer.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code trainer lr-sweep}: short runs at several learning rates and one chart of their curves. */
@Command(name = "lr-sweep", mixinStandardHelpOptions = true,
        description = "Short training runs at several learning rates (same seed and data); writes OUT/lr-<rate>/ runs, OUT/lr-sweep.png and OUT/lr-sweep.csv.")
public final class LrSweepCommand implements Callable<Integer> {
    @Mixin TrainOptions train;
    @Option(names = "--rates", split = ",", defaultValue = "3e-4,1e-3,3e-3", description = "learning rates (default: ${DEFAULT-VALUE})")
    List<Float> rates;

    @Override
    public Integer call() throws Exception {
        for (float r : rates) if (!(r > 0)) throw new UserException("--rates must all be > 0, got " + r);
        TrainConfig base = train.config();
        LrSweep.run(base, rates, train.out, System.out, !train.noProgress);
        return 0;
    }
}
