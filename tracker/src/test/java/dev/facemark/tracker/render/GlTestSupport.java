package dev.facemark.tracker.render;

import dev.facemark.core.geom.FaceBox;
import dev.facemark.tracker.face.FaceHeatmaps;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.face.TrackedFace;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.util.List;

/** Frames, faces and pixel probes shared by the headless GL tests. */
public final class GlTestSupport {
    private GlTestSupport() {}

    /** A headless context or a failed test that says why (never a silent skip: CI has the same machine). */
    public static GlContext headlessOrFail() {
        try {
            return GlContext.headless();
        } catch (GlUnavailableException e) {
            throw new AssertionError("headless OpenGL is required for the render tests and could not be created: " + e.getMessage(), e);
        }
    }

    /** A uniform BGR frame (direct buffer; free with MemoryUtil.memFree). */
    public static ByteBuffer solidBgr(int w, int h, int b, int g, int r) {
        ByteBuffer buf = MemoryUtil.memAlloc(w * h * 3);
        for (int i = 0; i < w * h; i++) buf.put((byte) b).put((byte) g).put((byte) r);
        return buf.flip();
    }

    public static FrameResult result(int w, int h, TrackedFace... faces) {
        return new FrameResult(0, 0, w, h, List.of(faces), "test");
    }

    public static TrackedFace face(int id, float[] landmarks, FaceHeatmaps hm, HeadPose pose, int framesLost) {
        return new TrackedFace(id, FaceBox.ofPoints(landmarks), 0.9f, landmarks, null, pose, hm, true, framesLost);
    }

    /** BGR of target pixel (x, y) in a packed read-back. */
    public static int[] bgrAt(ByteBuffer bgr, int width, int x, int y) {
        int i = (y * width + x) * 3;
        return new int[] {bgr.get(i) & 0xFF, bgr.get(i + 1) & 0xFF, bgr.get(i + 2) & 0xFF};
    }

    public static boolean close(int[] bgr, int rgba, int tol) {
        int r = (rgba >>> 24) & 0xFF, g = (rgba >>> 16) & 0xFF, b = (rgba >>> 8) & 0xFF;
        return Math.abs(bgr[0] - b) <= tol && Math.abs(bgr[1] - g) <= tol && Math.abs(bgr[2] - r) <= tol;
    }

    public static int luma(int[] bgr) { return bgr[0] + bgr[1] + bgr[2]; }

    /** A PNG decoded by stb_image, as BGR bytes (so {@link #bgrAt} applies); free with MemoryUtil.memFree. */
    public record Png(int width, int height, ByteBuffer bgr) {}

    public static Png readPng(java.nio.file.Path file) {
        try (org.lwjgl.system.MemoryStack st = org.lwjgl.system.MemoryStack.stackPush()) {
            java.nio.IntBuffer w = st.mallocInt(1), h = st.mallocInt(1), c = st.mallocInt(1);
            ByteBuffer rgb = org.lwjgl.stb.STBImage.stbi_load(file.toString(), w, h, c, 3);
            if (rgb == null) throw new AssertionError("cannot decode " + file + ": " + org.lwjgl.stb.STBImage.stbi_failure_reason());
            ByteBuffer bgr = MemoryUtil.memAlloc(rgb.remaining());
            for (int i = 0; i + 2 < rgb.remaining(); i += 3) bgr.put(i, rgb.get(i + 2)).put(i + 1, rgb.get(i + 1)).put(i + 2, rgb.get(i));
            org.lwjgl.stb.STBImage.stbi_image_free(rgb);
            return new Png(w.get(0), h.get(0), bgr);
        }
    }
}
