package dev.facemark.tracker;

import java.nio.file.Path;

/** Paths of the shared read-only samples (tests find the repository root via -Dfacemark.root). */
public final class TestFiles {
    private TestFiles() {}

    public static Path root() { return Path.of(System.getProperty("facemark.root", "..")).toAbsolutePath().normalize(); }
    public static Path shared() { return root().resolve("../shared").normalize(); }
    public static Path video() { return shared().resolve("samples/webcam_talking.mp4"); }
    public static Path grace() { return shared().resolve("samples/grace_hopper.jpg"); }
    public static Path astronaut() { return shared().resolve("samples/astronaut.png"); }
    public static Path yunet() { return shared().resolve("models/yunet_n_320_320.onnx"); }
}
