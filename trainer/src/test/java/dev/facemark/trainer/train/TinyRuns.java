package dev.facemark.trainer.train;

import dev.facemark.trainer.TestData;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small, fast training configurations on a handful of real faces. */
final class TinyRuns {
    private TinyRuns() {}

    static TrainConfig config(String arch, Map<String, String> options, int w, int h, int faces, int batch, int epochs, float lr, boolean augment) {
        Path data = TestData.requireRoot();
        return new TrainConfig(arch, options, List.of("300w", "ytf"), data.toString(), epochs, batch, lr, "adamw", "l1", 1e-4f,
                w, h, 1, 7L, 0.25, faces, 1, 1, 0f, 0, 256, augment, false, 0f, -1f);
    }
}
