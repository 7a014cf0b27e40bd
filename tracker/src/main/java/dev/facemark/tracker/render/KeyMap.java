package dev.facemark.tracker.render;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.lwjgl.glfw.GLFW.*;

/** The live window's keys as data, so {@code --help} can list exactly what the window does. */
public final class KeyMap {
    public static final List<KeyBinding> DEFAULT = List.of(
            new KeyBinding(GLFW_KEY_SPACE, "Space", KeyAction.PAUSE),
            new KeyBinding(GLFW_KEY_PERIOD, ".", KeyAction.STEP),
            new KeyBinding(GLFW_KEY_RIGHT, "Right", KeyAction.STEP),
            new KeyBinding(GLFW_KEY_V, "V", KeyAction.TOGGLE_VIDEO),
            new KeyBinding(GLFW_KEY_H, "H", KeyAction.TOGGLE_HEATMAPS),
            new KeyBinding(GLFW_KEY_C, "C", KeyAction.TOGGLE_CONTOURS),
            new KeyBinding(GLFW_KEY_P, "P", KeyAction.TOGGLE_POINTS),
            new KeyBinding(GLFW_KEY_B, "B", KeyAction.TOGGLE_BOXES),
            new KeyBinding(GLFW_KEY_A, "A", KeyAction.TOGGLE_POSE),
            new KeyBinding(GLFW_KEY_I, "I", KeyAction.TOGGLE_HUD),
            new KeyBinding(GLFW_KEY_RIGHT_BRACKET, "]", KeyAction.NEXT_HEATMAP),
            new KeyBinding(GLFW_KEY_LEFT_BRACKET, "[", KeyAction.PREV_HEATMAP),
            new KeyBinding(GLFW_KEY_M, "M", KeyAction.HEATMAP_MODE),
            new KeyBinding(GLFW_KEY_F, "F", KeyAction.NEXT_FILTER),
            new KeyBinding(GLFW_KEY_G, "G", KeyAction.TOGGLE_FILTERS),
            new KeyBinding(GLFW_KEY_S, "S", KeyAction.SCREENSHOT),
            new KeyBinding(GLFW_KEY_R, "R", KeyAction.RECORD),
            new KeyBinding(GLFW_KEY_Q, "Q", KeyAction.QUIT),
            new KeyBinding(GLFW_KEY_ESCAPE, "Esc", KeyAction.QUIT));

    private KeyMap() {}

    public static Optional<KeyAction> actionFor(int glfwKey) {
        return DEFAULT.stream().filter(b -> b.glfwKey() == glfwKey).map(KeyBinding::action).findFirst();
    }

    /** One line per action: "  Space    pause / resume", keys sharing an action joined with '/'. */
    public static String helpText() {
        StringBuilder sb = new StringBuilder("Live window keys:\n");
        for (KeyAction a : KeyAction.values()) {
            String keys = DEFAULT.stream().filter(b -> b.action() == a).map(KeyBinding::keyName).collect(Collectors.joining("/"));
            if (!keys.isEmpty()) sb.append(String.format("  %-9s %s%n", keys, a.description()));
        }
        return sb.toString();
    }
}
