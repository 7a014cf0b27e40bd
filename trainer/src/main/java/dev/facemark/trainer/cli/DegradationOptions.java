package dev.facemark.trainer.cli;

import dev.facemark.trainer.augment.AugmentConfig;
import picocli.CommandLine.Option;

/**
 * The opt-in degradations of a training crop ({@code --motion-blur}, {@code --occlusion}, {@code --jpeg}), one
 * definition for {@code trainer train} and {@code trainer preview-augment}, so that a preview shows exactly what a
 * run with the same flags trains on.
 */
public final class DegradationOptions {
    @Option(names = "--motion-blur", defaultValue = "0", paramLabel = "P", description = "probability of a motion-blur streak"
            + " (3-11 input pixels, any direction) on a training crop; 0 = none (default: ${DEFAULT-VALUE}; 0.2 did not help fast, docs/TRAINING.md)")
    float motionBlur;
    @Option(names = "--occlusion", defaultValue = "0", paramLabel = "P", description = "probability of one occluding patch (4-25% of"
            + " the crop, flat grey or noise) on a training crop; 0 = none (default: ${DEFAULT-VALUE})")
    float occlusion;
    @Option(names = "--jpeg", defaultValue = "0", paramLabel = "P", description = "probability of a JPEG round trip at quality"
            + " 15-60 of a training crop; 0 = none (default: ${DEFAULT-VALUE})")
    float jpeg;

    /** @throws UserException naming the first flag that is not a probability */
    void validate() {
        probability("--motion-blur", motionBlur);
        probability("--occlusion", occlusion);
        probability("--jpeg", jpeg);
    }

    /** {@code base} with these degradations. */
    AugmentConfig applyTo(AugmentConfig base) {
        return base.withDegradations(motionBlur, occlusion, jpeg);
    }

    private static void probability(String flag, float p) {
        if (!(p >= 0 && p <= 1)) throw new UserException(flag + " must be a probability in [0, 1], got " + p);
    }
}
