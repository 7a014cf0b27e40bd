package dev.facemark.core;

import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the read-only shared data: {@code <facemark.root>/../shared}. */
public final class TestPaths {
    private TestPaths() {}

    public static Path root() {
        String r = System.getProperty("facemark.root");
        Path p = r != null ? Path.of(r) : Path.of("").toAbsolutePath();
        // Running a single module from its own folder: walk up to the parent pom.
        while (p != null && !Files.isDirectory(p.resolve("core"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root (set -Dfacemark.root)");
        return p;
    }

    public static Path shared() { return root().resolve("../shared").normalize(); }

    public static Path data() { return shared().resolve("data"); }

    /** The public-domain portrait from ../shared/samples as a BGR Mat (the caller closes it). */
    public static Mat graceHopper() {
        Path p = shared().resolve("samples/grace_hopper.jpg");
        Mat img = org.bytedeco.opencv.global.opencv_imgcodecs.imread(p.toString());
        if (img.empty()) throw new IllegalStateException("cannot read the sample image " + p);
        return img;
    }

    /** The shipped default model of this checkout. */
    public static Path fastModel() { return root().resolve("models/fast.onnx"); }

    /** The shipped accurate model (the UNet) of this checkout. */
    public static Path accurateModel() { return root().resolve("models/accurate.onnx"); }

    /** The YuNet face detector model (Apache-2.0, not shipped with the project). */
    public static Path yunet() { return shared().resolve("models/yunet_n_320_320.onnx"); }
}
