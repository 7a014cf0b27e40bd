package dev.facemark.tracker.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GLSL text loaded from the classpath folder {@code shaders/} (packaged into the tracker jar), falling
 * back to the repository's top-level {@code shaders/} folder when running from source without
 * processed resources (repo root from system property {@code facemark.root}, else the working directory
 * and its parents).
 */
public record ShaderSource(String name, String text) {

    public static ShaderSource load(String name) {
        try (InputStream in = ShaderSource.class.getClassLoader().getResourceAsStream("shaders/" + name)) {
            if (in != null) return new ShaderSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ShaderException("shaders/" + name + ": cannot read: " + e.getMessage());
        }
        Path file = findInRepo(name);
        if (file == null) {
            throw new ShaderException("shaders/" + name + ": not found on the classpath nor in the repository's shaders/ folder");
        }
        try {
            return new ShaderSource(name, Files.readString(file));
        } catch (IOException e) {
            throw new ShaderException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static Path findInRepo(String name) {
        String root = System.getProperty("facemark.root");
        if (root != null) {
            Path p = Path.of(root, "shaders", name);
            if (Files.isRegularFile(p)) return p;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shaders").resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }
}
