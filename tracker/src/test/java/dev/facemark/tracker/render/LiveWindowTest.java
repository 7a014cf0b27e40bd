package dev.facemark.tracker.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static dev.facemark.tracker.render.GlTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The live window's frame path on an invisible headless window: frames letterboxed to the window's
 * framebuffer, keys through the controls, screenshots written as PNG (no display needed).
 */
class LiveWindowTest {
    @Test
    void showsLetterboxedFramesAndWritesScreenshots(@TempDir Path dir) {
        GlContext ctx;
        try {
            ctx = GlContext.headless(320, 320);
        } catch (GlUnavailableException e) {
            throw new AssertionError("headless OpenGL is required: " + e.getMessage(), e);
        }
        ByteBuffer frame = solidBgr(400, 300, 0, 200, 0);
        try (LiveWindow win = new LiveWindow(ctx, new RenderOptions(), dir)) {
            assertFalse(win.shouldClose());
            win.pollEvents();
            win.show(VideoImage.bgr(frame, 400, 300), result(400, 300), null);
            assertEquals(320, win.renderer().width());
            assertEquals(new Viewport(320, 320, 400, 300, 0, 40, 320, 240), win.renderer().viewport());

            win.controls().apply(KeyAction.SCREENSHOT);
            win.controls().apply(KeyAction.PAUSE);
            assertFalse(win.controls().shouldAdvance());
            win.redraw(result(400, 300), null);
            Path png = win.lastScreenshot();
            assertNotNull(png, "screenshot written");
            Png shot = readPng(png);
            assertEquals(320, shot.width());
            assertEquals(320, shot.height());
            assertEquals(0, luma(bgrAt(shot.bgr(), 320, 160, 20)), "top letterbox bar");
            assertArrayEquals(new int[] {0, 200, 0}, bgrAt(shot.bgr(), 320, 160, 160), "video in the middle");
            assertEquals(0, luma(bgrAt(shot.bgr(), 320, 160, 300)), "bottom letterbox bar");
            MemoryUtil.memFree(shot.bgr());
            KeyAction[] seen = new KeyAction[1];
            win.setEffects(new FramePass() {
                @Override public void draw(FrameContext c) {}
                @Override public void onKey(KeyAction a) { seen[0] = a; }
            });
            win.controls().apply(KeyAction.NEXT_FILTER);
            assertEquals(KeyAction.NEXT_FILTER, seen[0], "filter keys reach the effects");
            win.controls().apply(KeyAction.QUIT);
            assertTrue(win.shouldClose());
        } finally {
            MemoryUtil.memFree(frame);
        }
    }
}
