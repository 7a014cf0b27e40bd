package dev.facemark.core.data;

import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Decodes dataset images with OpenCV, as the {@link dev.facemark.core.image.Cropper} expects them
 * (8-bit BGR or grey). A file that is missing or does not decode is a {@link DataFormatException}
 * naming it, never an empty Mat passed on.
 */
public final class ImageLoader {
    private ImageLoader() {}

    /** Decodes a BGR (8UC3) image. The caller owns the Mat: close it. */
    public static Mat readColor(Path file) { return read(file, IMREAD_COLOR); }

    /** Decodes a grey (8UC1) image. The caller owns the Mat: close it. */
    public static Mat readGrey(Path file) { return read(file, IMREAD_GRAYSCALE); }

    /** Decodes with OpenCV {@code imread} flags. The caller owns the Mat: close it. */
    public static Mat read(Path file, int flags) {
        if (!Files.isRegularFile(file)) throw new DataFormatException(file, 0, "image file not found");
        Mat m = imread(file.toString(), flags);
        if (m == null || m.empty()) {
            if (m != null) m.close();
            throw new DataFormatException(file, 0, "image does not decode (not an image OpenCV can read, or truncated)");
        }
        return m;
    }

    /** Checks an image as {@code check} says; throws {@link DataFormatException} naming the file. */
    static void check(Path file, ImageCheck check) {
        switch (check) {
            case NONE -> { }
            case EXISTS -> {
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw new DataFormatException(file, 0, "image file not found");
                }
            }
            case DECODE -> read(file, IMREAD_GRAYSCALE).close();
        }
    }
}
