package dev.facemark.tracker.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ShaderErrorTest {
    @Test
    void brokenShaderNamesFileAndLine() {
        try (GlContext ctx = GlTestSupport.headlessOrFail()) {
            ShaderException e = assertThrows(ShaderException.class, () -> new ShaderProgram("video.vert", "broken_test.frag"));
            assertTrue(e.getMessage().contains("shaders/broken_test.frag:6:"), e.getMessage());
            assertTrue(e.getMessage().contains("undeclaredThing"), e.getMessage());
        }
    }

    @Test
    void missingShaderIsNamed() {
        try (GlContext ctx = GlTestSupport.headlessOrFail()) {
            ShaderException e = assertThrows(ShaderException.class, () -> new ShaderProgram("video.vert", "nope.frag"));
            assertTrue(e.getMessage().contains("shaders/nope.frag"), e.getMessage());
        }
    }

    @Test
    void logLinesOfOtherDriversAreMapped() {
        assertTrue(ShaderProgram.describe("a.frag", "ERROR: 0:12: 'x' : undeclared identifier").contains("shaders/a.frag:12: 'x'"));
        assertTrue(ShaderProgram.describe("a.frag", "0(7) : error C1008: undefined variable").contains("shaders/a.frag:7:"));
    }
}
