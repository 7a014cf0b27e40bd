package dev.facemark.trainer.cli;

import dev.facemark.trainer.data.TrainingFaces;
import dev.facemark.trainer.train.AdamVariant;
import dev.facemark.trainer.train.CoordinateLoss;
import dev.facemark.trainer.train.TrainConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's spelling of a run becomes the grouped config, with typed optimiser and loss. */
class TrainOptionsTest {
    static TrainConfig parse(String... args) {
        return CommandLine.populateCommand(new TrainOptions(), args).config();
    }

    @Test
    void splitSeedFollowsSeedUnlessGiven() {
        TrainConfig plain = parse("--arch", "fast", "--out", "r", "--seed", "43");
        assertEquals(43, plain.seed());
        assertEquals(43, plain.data().splitSeed());
        TrainConfig kept = parse("--arch", "fast", "--out", "r", "--seed", "43", "--val-seed", "42");
        assertEquals(43, kept.seed());
        assertEquals(42, kept.data().splitSeed());
    }

    @Test
    void theDefaultRunHoldsOutTheValidationSplitThatEvalScores() {
        TrainConfig d = parse("--arch", "fast", "--out", "r");
        assertEquals(TrainingFaces.DEFAULT_VAL_FRACTION, d.data().valFraction());
        assertEquals(TrainingFaces.DEFAULT_SPLIT_SEED, d.data().splitSeed());
        assertEquals(0.1, d.data().valFraction(), "the ledger's runs all held out 10%");
        assertEquals(42, d.data().splitSeed(), "the ledger's runs all split with seed 42");
    }

    @Test
    void motionBlurIsOffUnlessAsked() {
        assertEquals(0f, parse("--arch", "fast", "--out", "r").data().motionBlur());
        assertEquals(0.2f, parse("--arch", "fast", "--out", "r", "--motion-blur", "0.2").data().motionBlur());
        UserException e = assertThrows(UserException.class, () -> parse("--arch", "fast", "--out", "r", "--motion-blur", "2"));
        assertTrue(e.getMessage().contains("--motion-blur"), e.getMessage());
    }

    @Test
    void occlusionAndJpegAreOffUnlessAskedAndSavedInTheConfig() {
        var off = parse("--arch", "fast", "--out", "r").data();
        assertEquals(0f, off.occlusion());
        assertEquals(0f, off.jpeg());
        var on = parse("--arch", "fast", "--out", "r", "--occlusion", "0.3", "--jpeg", "0.25").data();
        assertEquals(0.3f, on.occlusion());
        assertEquals(0.25f, on.jpeg());
        for (String option : new String[] {"--occlusion", "--jpeg"}) {
            UserException e = assertThrows(UserException.class, () -> parse("--arch", "fast", "--out", "r", option, "-0.1"));
            assertTrue(e.getMessage().contains(option), e.getMessage());
        }
    }

    @Test
    void weightAverageIsOffUnlessAsked() {
        assertEquals(0f, parse("--arch", "fast", "--out", "r").optimisation().emaDecay());
        assertEquals(0.999f, parse("--arch", "fast", "--out", "r", "--ema", "0.999").optimisation().emaDecay());
        for (String bad : new String[] {"1", "-0.1", "NaN"}) {
            UserException e = assertThrows(UserException.class, () -> parse("--arch", "fast", "--out", "r", "--ema", bad));
            assertTrue(e.getMessage().startsWith("--ema must be in [0, 1)"), e.getMessage());
        }
    }

    @Test
    void optimiserAndLossAreTyped() {
        TrainConfig c = parse("--arch", "fast", "--out", "r", "--optimizer", "Adam", "--loss", "L2", "--input-size", "96x80");
        assertEquals(AdamVariant.ADAM, c.optimisation().optimizer());
        assertEquals(CoordinateLoss.MSE, c.optimisation().loss());
        assertEquals(96, c.network().inputWidth());
        assertEquals(80, c.network().inputHeight());
        UserException e = assertThrows(UserException.class, () -> parse("--arch", "fast", "--out", "r", "--loss", "huber"));
        assertTrue(e.getMessage().startsWith("--loss") && e.getMessage().contains("huber"), e.getMessage());
    }
}
