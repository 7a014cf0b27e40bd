package dev.facemark.trainer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the shared read-only data lives for tests: {@code <repo>/../shared/data}. */
public final class TestData {
    private TestData() {}

    public static Path root() {
        return repo().resolve("../shared/data").normalize();
    }

    /** The repository checkout: {@code -Dfacemark.root}, else the parent of the module folder tests run in. */
    private static Path repo() {
        String r = System.getProperty("facemark.root");
        return r == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(r);
    }

    /** The data root, skipping the test when the shared data is not present on this machine. */
    public static Path requireRoot() {
        Path p = root();
        assumeTrue(Files.isDirectory(p.resolve("300w")), "shared data not found at " + p);
        return p;
    }

    /** The YuNet face detector model in the shared folder (Apache-2.0; the project ships the same file in models/yunet/). */
    public static Path yunetModel() {
        Path p = root().resolveSibling("models").resolve("yunet_n_320_320.onnx");
        assumeTrue(Files.isRegularFile(p), "YuNet model not found at " + p);
        return p;
    }

    /** A model shipped in the repository's {@code models/} folder, e.g. {@code fast.onnx}. */
    public static Path shippedModel(String file) {
        Path p = repo().resolve("models").resolve(file);
        assumeTrue(Files.isRegularFile(p), "shipped model not found at " + p);
        return p;
    }

    public static Path afwFace() {
        return requireRoot().resolve("300w/afw/1051618982_1.pts");
    }
}
