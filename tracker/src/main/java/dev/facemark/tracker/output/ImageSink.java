package dev.facemark.tracker.output;

import dev.facemark.tracker.face.FrameResult;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * Annotated images: one file for a single image, or a folder (created if needed) receiving each
 * frame under its source file name.
 */
public final class ImageSink implements FrameSink {
    private final Path target;
    private final boolean folder;

    public ImageSink(Path target, boolean folder) {
        this.target = target;
        this.folder = folder;
        try {
            if (folder) Files.createDirectories(target);
        } catch (IOException e) {
            throw new OutputException("cannot create output folder " + target + ": " + e.getMessage());
        }
        Path dir = folder ? target : target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new OutputException("cannot write " + target + ": folder " + dir + " does not exist");
        if (!Files.isWritable(dir)) throw new OutputException("cannot write " + target + ": permission denied");
        if (!folder && !target.getFileName().toString().contains(".")) {
            throw new OutputException("--output " + target + " needs an image extension (.png, .jpg)");
        }
    }

    @Override
    public void accept(Mat bgr, FrameResult r) {
        Path file = folder ? target.resolve(r.source() != null ? r.source() : String.format("frame_%06d.png", r.frame())) : target;
        boolean ok;
        try {
            ok = imwrite(file.toString(), bgr);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) throw new OutputException("cannot write image " + file + " (unknown extension or unwritable)");
    }

    @Override public void close() { }
}
