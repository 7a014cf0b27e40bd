package dev.facemark.tracker.source;

import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * One image, or every image of a folder sorted by file name; each frame carries its file name.
 * Sizes may differ from image to image.
 */
public final class ImageSource implements FrameSource {
    private final String name;
    private final List<Path> files;
    private final boolean folder;
    private Mat current;
    private int index;

    public ImageSource(Path input) {
        this.name = input.toString();
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.list(input)) {
                files = s.filter(Files::isRegularFile).filter(ImageFiles::isImage)
                        .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
            } catch (IOException e) {
                throw new SourceException("cannot list folder " + input + ": " + e.getMessage());
            }
            if (files.isEmpty()) throw new SourceException("folder " + input + " has no images (.jpg, .png, ...)");
            folder = true;
        } else if (Files.isRegularFile(input)) {
            files = List.of(input);
            folder = false;
        } else {
            throw new SourceException("image " + input + " does not exist");
        }
    }

    @Override
    public SourceFrame next() {
        if (index >= files.size()) return null;
        Path f = files.get(index);
        if (current != null) current.close();
        current = imread(f.toString(), IMREAD_COLOR);
        if (current.empty()) {
            throw new SourceException("cannot read " + f + " as an image (not an image, or an unsupported format)");
        }
        return new SourceFrame(index++, 0.0, current, folder ? f.getFileName().toString() : null);
    }

    /** True for a folder of images: output records then name each frame's file. */
    public boolean isFolder() { return folder; }

    @Override public String name() { return name; }
    @Override public double fps() { return 0; }
    @Override public long frameCount() { return files.size(); }
    @Override public boolean live() { return false; }

    @Override
    public void close() {
        if (current != null) current.close();
    }
}
