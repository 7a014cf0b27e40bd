package dev.facemark.tracker.render;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Key handling without a display: the key map is complete and each action changes the right state. */
class LiveControlsTest {
    @Test
    void everyActionHasAKeyAndNoKeyIsBoundTwice() {
        Set<Integer> keys = new HashSet<>();
        for (KeyBinding b : KeyMap.DEFAULT) assertTrue(keys.add(b.glfwKey()), "key bound twice: " + b.keyName());
        for (KeyAction a : KeyAction.values()) {
            assertTrue(KeyMap.DEFAULT.stream().anyMatch(b -> b.action() == a), "no key for " + a);
            assertTrue(KeyMap.helpText().contains(a.description()), "help lists " + a);
        }
        assertTrue(KeyMap.helpText().contains("Space"));
    }

    @Test
    void keysToggleLayersPauseStepAndCycleHeatmaps() {
        RenderOptions o = new RenderOptions();
        LiveControls c = new LiveControls(o);
        boolean points = o.isOn(Layer.POINTS);
        c.apply(KeyMap.actionFor(org.lwjgl.glfw.GLFW.GLFW_KEY_P).orElseThrow());
        assertEquals(!points, o.isOn(Layer.POINTS));

        assertTrue(c.shouldAdvance());
        c.apply(KeyAction.PAUSE);
        assertFalse(c.shouldAdvance());
        c.apply(KeyAction.STEP);
        assertTrue(c.shouldAdvance(), "one step");
        assertFalse(c.shouldAdvance(), "only one");

        o.setHeatmapMode(HeatmapMode.POINT).setHeatmapPoint(67);
        c.apply(KeyAction.NEXT_HEATMAP);
        assertEquals(0, o.heatmapPoint(), "wraps around");
        c.apply(KeyAction.PREV_HEATMAP);
        assertEquals(67, o.heatmapPoint());
        c.apply(KeyAction.HEATMAP_MODE);
        assertEquals(HeatmapMode.GROUP, o.heatmapMode());
        String g = o.heatmapGroup();
        c.apply(KeyAction.NEXT_HEATMAP);
        assertNotEquals(g, o.heatmapGroup());

        List<KeyAction> toFilters = new ArrayList<>();
        c.setFilterListener(toFilters::add);
        c.apply(KeyAction.NEXT_FILTER);
        assertEquals(List.of(KeyAction.NEXT_FILTER), toFilters);

        c.apply(KeyAction.RECORD);
        assertTrue(c.isRecording());
        c.apply(KeyAction.RECORD);
        assertFalse(c.isRecording());
        c.apply(KeyAction.QUIT);
        assertTrue(c.quitRequested());
    }
}
