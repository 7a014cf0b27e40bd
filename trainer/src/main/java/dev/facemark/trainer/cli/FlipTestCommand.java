package dev.facemark.trainer.cli;

import dev.facemark.core.model.ContractException;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.RuntimeOptions;
import dev.facemark.trainer.onnx.OnnxMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code trainer flip-test}: whether a model runs with flip test-time augmentation when its user does not say. */
@Command(name = "flip-test", mixinStandardHelpOptions = true,
        description = {"Sets the model's default for flip test-time augmentation (each face also run mirrored, the two",
                "answers averaged: twice the inference) in its ONNX metadata (" + LandmarkModel.FLIP_TEST_KEY + "). The",
                "tracker, the batch job and eval follow it unless told otherwise (--flip-test / --no-flip-test, --flip /",
                "--no-flip). For an accuracy-first model whose latency budget pays for the second pass."})
public final class FlipTestCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model (.onnx) exported by this trainer") Path model;
    @Option(names = "--out", description = "write the changed model here (default: update --model in place)") Path out;
    @Parameters(index = "0", paramLabel = "on|off", description = "on: flip testing by default; off: not") String state;

    @Override
    public Integer call() throws Exception {
        boolean on = switch (state.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UserException("flip-test takes on or off, not '" + state + "'");
        };
        if (!Files.isRegularFile(model)) throw new UserException("--model " + model + ": no such file");
        try (LandmarkModel m = LandmarkModel.open(model, RuntimeOptions.cpu(1))) {
            if (on && !m.contract().scheme().canMirror()) {
                throw new UserException(model + ": point scheme " + m.contract().scheme().name()
                        + " has no mirror permutation, so it cannot run flip-tested");
            }
        } catch (ContractException e) {
            throw new UserException(e.getMessage());
        }
        Path target = out != null ? out : model;
        OnnxMetadata.set(model, target, LandmarkModel.FLIP_TEST_KEY, Boolean.toString(on));
        System.out.println("wrote " + LandmarkModel.FLIP_TEST_KEY + " = " + on + " into " + target);
        return 0;
    }
}
