package dev.facemark.tracker.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the right {@link FrameSource} for what the user typed. */
public final class Sources {
    private Sources() {}

    /** {@link #open(String, int, int, double, SourceOptions)} with the default timeout and reconnects. */
    public static FrameSource open(String input, int width, int height, double fps) {
        return open(input, width, height, fps, SourceOptions.DEFAULT);
    }

    /**
     * "demo" -> the demo; a number or /dev/video* -> a camera; scheme://... -> a network stream
     * (file://PATH -> that path); a folder -> its images; an image file -> that image; anything
     * else -> a video file. Live streams and cameras are wrapped in a {@link ReconnectingSource}
     * with the options' reconnects (a first open that fails is reported at once, not retried).
     */
    public static FrameSource open(String input, int width, int height, double fps, SourceOptions options) {
        if (input.equals("demo")) return new DemoSource(1, fps > 0 ? fps : 30, 0, false);
        if (input.chars().allMatch(Character::isDigit) && !input.isEmpty() || input.startsWith("/dev/video")) {
            return camera(input, width, height, fps, options);
        }
        if (StreamUrl.isUrl(input)) {
            if (StreamUrl.scheme(input).equals("file")) return open(input.substring(input.indexOf("://") + 3), width, height, fps, options);
            return stream(input, options);
        }
        Path p = Path.of(input);
        if (!Files.exists(p)) {
            throw new SourceException("input " + input + " does not exist; check the path (a stream needs its scheme, e.g. rtsp://HOST/PATH)");
        }
        if (Files.isDirectory(p) || ImageFiles.isImage(p)) return new ImageSource(p);
        return new VideoFileSource(p);
    }

    /** A network stream, reconnecting after a loss when it is live. */
    public static FrameSource stream(String url, SourceOptions options) {
        StreamSource first = new StreamSource(url, options.timeoutMs());
        if (!first.live()) return first;
        return new ReconnectingSource(first, () -> new StreamSource(url, options.timeoutMs()), options.reconnectsFor(true),
                options.reconnectDelayMs(), options.notices(), options.cancelled());
    }

    /** A camera, reopened after a loss when the options allow reconnects for cameras. */
    public static FrameSource camera(String device, int width, int height, double fps, SourceOptions options) {
        CameraSource first = new CameraSource(device, width, height, fps);
        int n = options.reconnectsFor(false);
        if (n == 0) return first;
        return new ReconnectingSource(first, () -> new CameraSource(device, width, height, fps), n, options.reconnectDelayMs(),
                options.notices(), options.cancelled());
    }
}
