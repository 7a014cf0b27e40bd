package dev.facemark.tracker.cli;

import dev.facemark.core.TestPaths;
import dev.facemark.core.runtime.FixtureModels;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.tracker.app.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ModelOptionsTest {
    @Test
    void aMistypedNameIsAOneLineErrorListingThePackagedModels() {
        ModelOptions o = parsed("--model", "acurate");
        UserError e = assertThrows(UserError.class, o::openModel);
        assertTrue(e.getMessage().startsWith("--model acurate: no such file"), e.getMessage());
        assertTrue(e.getMessage().contains("fast, lite, accurate"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void openingByNameGivesThatModel() {
        ModelOptions o = parsed("--model", "lite");
        try (LandmarkModel m = o.openModel()) {
            assertTrue(m.source().contains("lite"), m.source());
            assertEquals(68, m.contract().points());
        }
    }

    @Test
    void flipTestingFollowsTheModelUnlessTheUserSays(@TempDir Path tmp) {
        String asks = FixtureModels.withMetadata(TestPaths.fastModel(), tmp.resolve("flipped.onnx"), LandmarkModel.FLIP_TEST_KEY, "true")
                .toString();
        assertFlip(true, "--model", asks);
        assertFlip(false, "--model", asks, "--no-flip-test");
        assertFlip(false, "--model", "fast");
        assertFlip(true, "--model", "fast", "--flip-test");
        assertFlip(false);
    }

    private static void assertFlip(boolean expected, String... args) {
        try (LandmarkModel m = parsed(args).openModel()) {
            assertEquals(expected, m.flipTest(), String.join(" ", args));
        }
    }

    /** Options as picocli fills them from a command line. */
    private static ModelOptions parsed(String... args) {
        ModelOptions o = new ModelOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin ModelOptions m = o;
        }).parseArgs(args);
        return o;
    }
}
