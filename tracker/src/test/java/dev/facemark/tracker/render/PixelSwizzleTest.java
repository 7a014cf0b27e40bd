package dev.facemark.tracker.render;

import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PixelSwizzleTest {
    @Test
    void bgrRowsWithPaddingBecomePackedRgbaAndComeBackExactly() {
        int w = 5, h = 3, stride = 17; // 15 bytes of pixels + 2 of padding per row
        ByteBuffer bgr = MemoryUtil.memCalloc(stride * h), rgba = MemoryUtil.memAlloc(w * h * 4);
        ByteBuffer back = MemoryUtil.memCalloc(w * 3 * h);
        try {
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                int i = y * stride + x * 3;
                bgr.put(i, (byte) (10 * x + y)).put(i + 1, (byte) (100 + x)).put(i + 2, (byte) (200 + y));
            }
            for (int y = 0; y < h; y++) bgr.put(y * stride + 15, (byte) 0x5A); // padding must be ignored

            PixelSwizzle.bgrToRgba(bgr, stride, rgba, w, h);
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 4;
                assertEquals(200 + y, rgba.get(o) & 0xFF, "R from the third BGR byte");
                assertEquals(100 + x, rgba.get(o + 1) & 0xFF, "G");
                assertEquals(10 * x + y, rgba.get(o + 2) & 0xFF, "B from the first BGR byte");
                assertEquals(255, rgba.get(o + 3) & 0xFF, "opaque");
            }

            PixelSwizzle.rgbaToBgr(rgba, back, w * 3L, w, h);
            for (int y = 0; y < h; y++) for (int x = 0; x < w * 3; x++) {
                assertEquals(bgr.get(y * stride + x), back.get(y * w * 3 + x), "round trip at row " + y + " byte " + x);
            }
        } finally {
            MemoryUtil.memFree(bgr);
            MemoryUtil.memFree(rgba);
            MemoryUtil.memFree(back);
        }
    }
}
