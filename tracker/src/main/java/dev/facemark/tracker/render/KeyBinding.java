package dev.facemark.tracker.render;

/** One key of the live window: the GLFW key code, how {@code --help} names it, and its action. */
public record KeyBinding(int glfwKey, String keyName, KeyAction action) {
    public String description() { return action.description(); }
}
