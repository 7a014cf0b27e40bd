package dev.facemark.trainer.cli;

import dev.facemark.core.model.ModelContract;
import dev.facemark.trainer.model.Checkpoint;
import dev.facemark.trainer.onnx.OnnxExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code trainer export --checkpoint DIR --out model.onnx}: a training checkpoint to an ONNX model with its contract. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a training checkpoint (checkpoint.json + model-NNNN.params) to ONNX opset 17 with the model contract in its metadata.")
public final class ExportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "checkpoint folder written by training")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "ONNX file to write (e.g. models/fast.onnx)")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "model name to record in the contract (default: the checkpoint's)")
    String name;

    @Option(names = "--provenance", paramLabel = "KEY=VALUE", description = "extra provenance entries for the contract (repeatable)")
    Map<String, String> provenance = new LinkedHashMap<>();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var outw = spec.commandLine().getOut();
        String bad = OnnxOut.problem(out);
        if (bad != null) {
            err.println("export: --out " + out + " " + bad);
            return 2;
        }
        try (Checkpoint c = Checkpoint.load(checkpoint)) {
            ModelContract contract = c.contract();
            if (name != null) {
                contract = new ModelContract(name, contract.architecture(), contract.scheme(), contract.inputWidth(),
                        contract.inputHeight(), contract.normalization(), contract.boxPolicy(), contract.outputKind(),
                        contract.heatmapWidth(), contract.heatmapHeight(), contract.calibrations(), contract.provenance());
            }
            for (var e : provenance.entrySet()) contract = contract.withProvenance(e.getKey(), e.getValue());
            OnnxExporter.export(c.net(), contract, out);
            outw.printf("exported %s -> %s (%,d bytes): %s%n", checkpoint, out, Files.size(out), c.net());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("export: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
