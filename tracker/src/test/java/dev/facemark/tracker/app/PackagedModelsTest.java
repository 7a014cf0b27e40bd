package dev.facemark.tracker.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PackagedModelsTest {
    @Test
    void aBareNameFindsAModelPackagedFromTheModelsFolder() {
        assertEquals("models/lite.onnx", PackagedModels.resource(Path.of("lite")));
        assertEquals("models/fast.onnx", PackagedModels.resource(Path.of("fast.onnx")));
        assertNull(PackagedModels.resource(Path.of("some/dir/lite")), "a path is a file, never a packaged name");
        assertNull(PackagedModels.resource(Path.of("no-such-model")));
    }
}
