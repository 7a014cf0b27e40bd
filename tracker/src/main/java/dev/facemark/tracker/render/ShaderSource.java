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

    /**
     * This source with {@code #define NAME value} lines inserted after {@code #version}; a
     * {@code #line} directive keeps compiler line numbers pointing at the file's own lines.
     */
    public ShaderSource withDefines(java.util.Map<String, String> defines) {
        int eol = text.indexOf('\n');
        if (!text.startsWith("#version") || eol < 0) throw new ShaderException("shaders/" + name + ":1: must start with #version");
        StringBuilder sb = new StringBuilder(text.substring(0, eol + 1));
        defines.forEach((k, v) -> sb.append("#define ").append(k).append(' ').append(v).append('\n'));
        sb.append("#line 2\n").append(text.substring(eol + 1));
        return new ShaderSource(name, sb.toString());
    }

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
