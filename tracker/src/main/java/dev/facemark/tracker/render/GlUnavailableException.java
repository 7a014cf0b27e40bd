package dev.facemark.tracker.render;

/** OpenGL could not be brought up (no display, no EGL, too old a driver); the message says what to install or set. */
public final class GlUnavailableException extends RuntimeException {
    public GlUnavailableException(String message) { super(message); }
}
