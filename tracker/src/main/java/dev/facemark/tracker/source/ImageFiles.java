package dev.facemark.tracker.source;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Which file names are images OpenCV's imread reads. */
final class ImageFiles {
    private static final Set<String> EXT = Set.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff", "pgm", "ppm", "pbm");

    private ImageFiles() {}

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXT.contains(n.substring(dot + 1));
    }
}
