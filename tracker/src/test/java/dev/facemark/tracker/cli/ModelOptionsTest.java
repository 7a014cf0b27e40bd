package dev.facemark.tracker.cli;

import dev.facemark.core.runtime.LandmarkModel;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ModelOptionsTest {
    @Test
    void aBareNameFindsAModelPackagedFromTheModelsFolder() {
        assertEquals("models/fast75.onnx", ModelOptions.packagedName(Path.of("fast75")));
        assertEquals("models/fast.onnx", ModelOptions.packagedName(Path.of("fast.onnx")));
        assertNull(ModelOptions.packagedName(Path.of("some/dir/fast75")), "a path is a file, never a packaged name");
        assertNull(ModelOptions.packagedName(Path.of("no-such-model")));
    }

    @Test
    void aMistypedNameIsAOneLineErrorListingThePackagedModels() {
        ModelOptions o = parsed("--model", "acurate");
        UserError e = assertThrows(UserError.class, o::openModel);
        assertTrue(e.getMessage().startsWith("--model acurate: no such file"), e.getMessage());
        assertTrue(e.getMessage().contains("fast, fast75, accurate"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void openingByNameGivesThatModel() {
        ModelOptions o = parsed("--model", "fast75");
        try (LandmarkModel m = o.openModel()) {
            assertTrue(m.source().contains("fast75"), m.source());
            assertEquals(68, m.contract().points());
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
