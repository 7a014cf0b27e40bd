package dev.facemark.trainer.train;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

/** The coordinate-regression architectures train: a few real steps on a handful of real faces lower the loss. */
class TrainRegressionArchitecturesTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"nose,80,60,3e-3", "fullface,80,60,1e-3", "resnet18,64,64,1e-3"})
    void lossFalls(String arch, int w, int h, float lr) throws Exception {
        LossFalls.check(TinyRuns.config(arch, Map.of(), w, h, 10, 4, 6, lr, false), tmp.resolve(arch), 0.8);
    }
}
