package dev.facemark.tracker.cli;

/** Whether a desktop display is there to open a window on (X11 or Wayland). */
final class Display {
    private Display() {}

    static boolean available() {
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) { return s != null && !s.isBlank(); }
}
