package dev.facemark.tracker.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the right {@link FrameSource} for what the user typed. */
public final class Sources {
    private Sources() {}

    /**
     * "demo" -> the demo; a number or /dev/video* -> a camera; a folder -> its images; an image file ->
     * that image; anything else -> a video file.
     */
    public static FrameSource open(String input, int width, int height, double fps) {
        if (input.equals("demo")) return new DemoSource(1, fps > 0 ? fps : 30, 0, false);
        if (input.chars().allMatch(Character::isDigit) && !input.isEmpty() || input.startsWith("/dev/video")) {
            return new CameraSource(input, width, height, fps);
        }
        Path p = Path.of(input);
        if (!Files.exists(p)) throw new SourceException("input " + input + " does not exist");
        if (Files.isDirectory(p) || ImageFiles.isImage(p)) return new ImageSource(p);
        return new VideoFileSource(p);
    }
}
