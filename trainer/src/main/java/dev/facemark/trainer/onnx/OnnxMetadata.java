package dev.facemark.trainer.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.facemark.trainer.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Sets one {@code metadata_props} entry of an ONNX file, leaving the graph byte for byte as it was. */
public final class OnnxMetadata {
    private OnnxMetadata() {}

    /** Writes {@code in} with {@code key = value} (replacing any earlier value) to {@code out}, atomically. */
    public static void set(Path in, Path out, String key, String value) throws IOException {
        ModelProto m;
        try {
            m = ModelProto.parseFrom(Files.readAllBytes(in));
        } catch (IOException e) {
            throw new BadInputException(in + ": cannot read it as an ONNX model (" + e.getMessage() + ")");
        }
        ModelProto.Builder b = m.toBuilder().clearMetadataProps();
        for (StringStringEntryProto e : m.getMetadataPropsList()) if (!e.getKey().equals(key)) b.addMetadataProps(e);
        b.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
        Path abs = out.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, b.build().toByteArray());
            try {
                // A temp file is private (0600): give the result the input's permissions, as an in-place edit would keep them.
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(in));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default permissions stay
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
