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
        return new TrainConfig(new TrainConfig.Network(arch, options, w, h, 1),
                new TrainConfig.Data(List.of("300w", "ytf"), data.toString(), 0.25, 7L, faces, augment, 0f, 0f, 0f, 0f),
                new TrainConfig.Schedule(epochs, batch, lr, 0f, 0),
                new TrainConfig.Optimisation(CoordinateLoss.L1, AdamVariant.ADAMW, 1e-4f, -1f, 0f),
                new TrainConfig.Compute(1, 1, 256), 7L, false);
    }
}
