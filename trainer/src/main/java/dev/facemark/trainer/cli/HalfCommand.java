package dev.facemark.trainer.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.facemark.trainer.onnx.HalfPrecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code trainer half --model in.onnx --out out.onnx}: the same model with float16 weights (half the file). */
@Command(name = "half", mixinStandardHelpOptions = true,
        description = {"Store an ONNX model's weights as float16 (cast back to float32 in the graph): half the file, float32 arithmetic.",
                "Evaluate the result with `trainer eval` to see whether the weights survive half precision."})
public final class HalfCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "float32 ONNX model")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "ONNX file to write")
    Path out;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (!Files.isRegularFile(model)) {
            err.println("half: model " + model + " not found; give an .onnx file (e.g. models/fast.onnx)");
            return 2;
        }
        String bad = OnnxOut.problem(out);
        if (bad != null) {
            err.println("half: --out " + out + " " + bad);
            return 2;
        }
        try {
            HalfPrecision.Result r = HalfPrecision.convert(model, out);
            spec.commandLine().getOut().printf("%s -> %s: %d weight tensors to float16 (%d kept float32), %,d -> %,d bytes%n",
                    model, out, r.converted(), r.kept(), r.bytesBefore(), r.bytesAfter());
            return 0;
        } catch (InvalidProtocolBufferException e) {
            err.println("half: " + model + " is not an ONNX model (" + e.getMessage() + "); give an .onnx file");
            return 2;
        } catch (IOException e) {
            err.println("half: cannot convert " + model + " -> " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
