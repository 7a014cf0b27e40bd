package dev.facemark.tracker;

import dev.facemark.core.model.ModelContract;
import dev.facemark.core.model.OutputKind;
import dev.facemark.core.runtime.FixtureModels;

import java.nio.file.Files;
import java.nio.file.Path;

/** The landmark model tests run with: the shipped models/fast.onnx when it exists, else a fixture regressor. */
public final class Models {
    private Models() {}

    public static final ModelContract FIXTURE = FixtureModels.contract("fixture-64", 64, 1, OutputKind.COORDINATES, 0);

    public static Path fastOrFixture(Path tmp) {
        Path fast = TestFiles.root().resolve("models/fast.onnx");
        if (Files.isRegularFile(fast) && !Boolean.getBoolean("facemark.test.fixture")) return fast;
        return fixture(tmp);
    }

    public static Path fixture(Path tmp) {
        return FixtureModels.regressor(tmp.resolve("fixture.onnx"), FIXTURE);
    }
}
