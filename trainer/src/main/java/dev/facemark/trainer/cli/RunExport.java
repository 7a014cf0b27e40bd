package dev.facemark.trainer.cli;

import dev.facemark.trainer.train.TrainConfig;
import dev.facemark.trainer.train.TrainingRun;

import java.io.IOException;

/** The end of a training run: export the best weights as RUN_DIR/model.onnx with the model contract. */
final class RunExport {
    private RunExport() {}

    static void export(TrainingRun.Result result, TrainConfig cfg) throws IOException {
        if (!cfg.exportOnnx()) return;
        System.out.println("export: ONNX exporter not available yet; best weights are in " + result.runDir().resolve("best"));
    }
}
