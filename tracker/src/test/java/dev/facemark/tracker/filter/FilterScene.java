package dev.facemark.tracker.filter;

import dev.facemark.core.geom.FaceBox;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.render.GlTestSupport;
import dev.facemark.tracker.render.Layer;
import dev.facemark.tracker.render.RenderOptions;
import dev.facemark.tracker.render.Renderer;
import dev.facemark.tracker.render.VideoImage;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntBinaryOperator;

/** A 400x300 scene with a template face, rendered through a filter stack and read back. */
final class FilterScene implements AutoCloseable {
    static final int W = 400, H = 300;

    final Renderer renderer;
    final ByteBuffer video = MemoryUtil.memAlloc(W * H * 3);
    final ByteBuffer pixels = MemoryUtil.memAlloc(W * H * 3);

    FilterScene() {
        renderer = Renderer.onContext(W, H, new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO)));
    }

    /** Template face scaled to {@code scale} px per eye-corner distance, rotated by {@code angle} rad, eye midpoint at (cx, cy). */
    static float[] face(float cx, float cy, float scale, double angle) {
        float[] t = FaceTemplate.MEAN_68, out = new float[136];
        double c = Math.cos(angle), s = Math.sin(angle);
        for (int i = 0; i < 68; i++) {
            double x = t[2 * i] * scale, y = t[2 * i + 1] * scale;
            out[2 * i] = (float) (cx + c * x - s * y);
            out[2 * i + 1] = (float) (cy + s * x + c * y);
        }
        return out;
    }

    static TrackedFace tracked(int id, float[] lm, HeadPose pose, int framesLost) {
        return new TrackedFace(id, FaceBox.ofPoints(lm), 0.95f, lm, null, pose, null, true, framesLost);
    }

    static FrameResult result(long frame, TrackedFace... faces) {
        return new FrameResult(frame, frame * 33.3, W, H, List.of(faces), "test");
    }

    /** Fills the video from a function (x, y) -> 0xRRGGBB. */
    FilterScene fill(IntBinaryOperator rgb) {
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
            int c = rgb.applyAsInt(x, y), i = (y * W + x) * 3;
            video.put(i, (byte) c).put(i + 1, (byte) (c >> 8)).put(i + 2, (byte) (c >> 16));
        }
        return this;
    }

    /** Renders the video + result through {@code filters} (null: no filters) and reads the frame back. */
    FilterScene render(FilterStack filters, FrameResult r) {
        renderer.setEffects(filters);
        renderer.render(VideoImage.bgr(video, W, H), r, null);
        renderer.readBgr(pixels);
        return this;
    }

    int[] bgr(int x, int y) { return GlTestSupport.bgrAt(pixels, W, x, y); }
    int luma(int x, int y) { return GlTestSupport.luma(bgr(x, y)); }

    /** Variance of (b+g+r)/3 over a rectangle. */
    double variance(int x0, int y0, int x1, int y1) {
        double s = 0, s2 = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) {
            double v = luma(x, y) / 3.0;
            s += v; s2 += v * v; n++;
        }
        double m = s / n;
        return s2 / n - m * m;
    }

    @Override
    public void close() {
        renderer.close();
        MemoryUtil.memFree(video);
        MemoryUtil.memFree(pixels);
    }
}
