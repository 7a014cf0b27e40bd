package dev.facemark.trainer.train;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

/** The heatmap (soft-argmax) architectures train: a few real steps on a handful of real faces lower the loss. */
class TrainHeatmapArchitecturesTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"unet,variant,small,32,32,1e-3", "fast,head,heatmap,48,48,1e-2", "fast,head,regress,48,48,1e-3"})
    void lossFalls(String arch, String key, String value, int w, int h, float lr) throws Exception {
        LossFalls.check(TinyRuns.config(arch, Map.of(key, value), w, h, 16, 4, 6, lr, false),
                tmp.resolve(arch + "-" + value), 0.8);
    }
}
