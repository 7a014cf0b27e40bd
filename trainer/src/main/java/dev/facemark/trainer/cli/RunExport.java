package dev.facemark.trainer.cli;

import dev.facemark.trainer.onnx.OnnxExporter;
import dev.facemark.trainer.train.TrainConfig;
import dev.facemark.trainer.train.TrainingRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The end of a training run: the best weights as RUN_DIR/model.onnx, with the model contract in its metadata. */
final class RunExport {
    private RunExport() {}

    static void export(TrainingRun.Result result, TrainConfig cfg) throws IOException {
        if (!cfg.exportOnnx()) return;
        Path onnx = result.runDir().resolve("model.onnx");
        OnnxExporter.export(result.net(), result.contract(), onnx);
        System.out.printf("exported %s (%,d bytes, best epoch %d, val NME %.4f)%n", onnx, Files.size(onnx),
                result.state().bestEpoch(), result.state().bestValNme());
    }
}
