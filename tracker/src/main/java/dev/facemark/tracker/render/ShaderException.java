package dev.facemark.tracker.render;

/** A shader failed to load, compile or link; the message names the file and line. */
public final class ShaderException extends RuntimeException {
    public ShaderException(String message) { super(message); }
}
