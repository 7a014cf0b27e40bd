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
}
