package dev.facemark.trainer.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The check every command that writes an ONNX file makes on its {@code --out}. */
final class OnnxOut {
    private OnnxOut() {}

    /** What is wrong with {@code out} as an ONNX file to write, for "COMMAND: --out OUT ...", or null when nothing is. */
    static String problem(Path out) {
        if (!out.getFileName().toString().endsWith(".onnx")) return "must end in .onnx";
        if (Files.isDirectory(out)) return "is a folder; give a file name ending in .onnx";
        return null;
    }
}
