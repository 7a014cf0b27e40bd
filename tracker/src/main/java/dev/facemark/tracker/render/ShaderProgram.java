package dev.facemark.tracker.render;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.lwjgl.opengl.GL33C.*;

/** A linked vertex + fragment program from two files in {@code shaders/}; uniform locations are cached. */
public final class ShaderProgram implements AutoCloseable {
    // Mesa: "0:12(5): error: ..."; NVIDIA: "0(12) : error ..."; AMD/Intel: "ERROR: 0:12: ..."
    private static final Pattern LOG_LINE = Pattern.compile("^(?:ERROR:\\s*)?\\d+[:(](\\d+)[)(:]");

    private final int id;
    private final String name;
    private final Map<String, Integer> uniforms = new HashMap<>();

    public ShaderProgram(String vertexFile, String fragmentFile) {
        this(ShaderSource.load(vertexFile), ShaderSource.load(fragmentFile));
    }

    public ShaderProgram(ShaderSource vertex, ShaderSource fragment) {
        this.name = vertex.name() + "+" + fragment.name();
        int vs = compile(GL_VERTEX_SHADER, vertex);
        int fs;
        try {
            fs = compile(GL_FRAGMENT_SHADER, fragment);
        } catch (ShaderException e) {
            glDeleteShader(vs);
            throw e;
        }
        int p = glCreateProgram();
        glAttachShader(p, vs);
        glAttachShader(p, fs);
        glLinkProgram(p);
        glDeleteShader(vs);
        glDeleteShader(fs);
        if (glGetProgrami(p, GL_LINK_STATUS) != GL_TRUE) {
            String log = glGetProgramInfoLog(p).trim();
            glDeleteProgram(p);
            throw new ShaderException("shaders/" + vertex.name() + " + shaders/" + fragment.name() + ": link failed: " + log);
        }
        this.id = p;
    }

    private static int compile(int type, ShaderSource src) {
        int s = glCreateShader(type);
        glShaderSource(s, src.text());
        glCompileShader(s);
        if (glGetShaderi(s, GL_COMPILE_STATUS) != GL_TRUE) {
            String log = glGetShaderInfoLog(s).trim();
            glDeleteShader(s);
            throw new ShaderException(describe(src.name(), log));
        }
        return s;
    }

    /** "shaders/x.frag:7: error: ..." per log line, so the message points at the file and line. */
    static String describe(String file, String log) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.split("\\R")) {
            if (line.isBlank()) continue;
            Matcher m = LOG_LINE.matcher(line.trim());
            if (sb.length() > 0) sb.append('\n');
            if (m.find()) {
                sb.append("shaders/").append(file).append(':').append(m.group(1)).append(": ")
                  .append(line.trim().substring(m.end()).replaceFirst("^\\s*:?\\s*", ""));
            } else {
                sb.append("shaders/").append(file).append(": ").append(line.trim());
            }
        }
        if (sb.length() == 0) sb.append("shaders/").append(file).append(": compile failed (no log)");
        return "shader compile error in " + sb;
    }

    public String name() { return name; }

    public void use() { glUseProgram(id); }

    public int uniform(String u) {
        return uniforms.computeIfAbsent(u, k -> glGetUniformLocation(id, k));
    }

    public void set(String u, int v) { glUniform1i(uniform(u), v); }
    public void set(String u, float v) { glUniform1f(uniform(u), v); }
    public void set(String u, float a, float b) { glUniform2f(uniform(u), a, b); }
    public void set(String u, float a, float b, float c) { glUniform3f(uniform(u), a, b, c); }
    public void set(String u, float a, float b, float c, float d) { glUniform4f(uniform(u), a, b, c, d); }

    @Override
    public void close() { glDeleteProgram(id); }
}
