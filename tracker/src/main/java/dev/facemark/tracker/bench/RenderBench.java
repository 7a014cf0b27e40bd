package dev.facemark.tracker.bench;

import dev.facemark.core.geom.PixelCentres;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.geom.PixelSize;
import dev.facemark.tracker.face.FaceHeatmaps;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.render.FramePass;
import dev.facemark.tracker.render.HudInfo;
import dev.facemark.tracker.render.Layer;
import dev.facemark.tracker.render.RenderOptions;
import dev.facemark.tracker.render.RenderPhases;
import dev.facemark.tracker.render.Renderer;
import dev.facemark.tracker.render.VideoImage;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures ms per frame (upload + draw + BGR read-back) at a given size with all layers on and one
 * face carrying 68 heatmaps (28x28 like the shipped model by default; 64 for a UNet-sized map), then a
 * second, profiled pass giving each phase's median. For the bench engineer:
 * {@code java -cp ... dev.facemark.tracker.bench.RenderBench [width height frames [png|-] [layers] [map size] [source WxH]]}
 * or call {@link #measure} directly.
 */
public final class RenderBench {
    /** The shipped default model's heatmaps: 28 x 28 per point (models/fast.md). */
    public static final int DEFAULT_MAP_SIZE = 28;

    private RenderBench() {}

    /** Per-frame timings, ms. */
    public record Result(int width, int height, String layers, int mapSize, int frames, double meanMs, double medianMs, double p95Ms,
                         double uploadDrawMs, double readbackMs, double cpuMsPerFrame, String gl,
                         Map<RenderPhases.Phase, Double> phaseMedians) {
        @Override
        public String toString() {
            StringBuilder p = new StringBuilder();
            phaseMedians.forEach((k, v) -> p.append(p.length() == 0 ? "" : ", ").append(k.name().toLowerCase(Locale.ROOT))
                    .append(String.format(Locale.ROOT, " %.2f", v)));
            return String.format(Locale.ROOT, "%dx%d %s (heatmaps %dx%d), %d frames on %s: mean %.2f ms, median %.2f ms, p95 %.2f ms "
                    + "(upload+draw %.2f ms, read-back %.2f ms); process CPU %.2f ms/frame (all threads, incl. llvmpipe)%n"
                    + "  phase medians, ms (profiled pass): %s",
                    width, height, layers, mapSize, mapSize, frames, gl, meanMs, medianMs, p95Ms, uploadDrawMs, readbackMs, cpuMsPerFrame, p);
        }
    }

    public static Result measure(int width, int height, int frames, Path pngOrNull) {
        return measure(width, height, frames, pngOrNull, "all");
    }

    /** As above with a chosen comma list of layers (see {@link Layer#parseList}). */
    public static Result measure(int width, int height, int frames, Path pngOrNull, String layers) {
        return measure(width, height, frames, pngOrNull, layers, null);
    }

    /**
     * As above with an effects pass (face filters) made once the GL context exists, e.g.
     * {@code () -> FilterStack.of("blur")}; the bench closes it.
     */
    public static Result measure(int width, int height, int frames, Path pngOrNull, String layers,
                                 java.util.function.Supplier<FramePass> effects) {
        return measure(width, height, frames, pngOrNull, layers, effects, DEFAULT_MAP_SIZE, width, height);
    }

    /**
     * As above with heatmaps of {@code mapSize x mapSize} texels per point and a {@code srcW x srcH}
     * video scaled into the target (a camera below the window's size).
     */
    public static Result measure(int width, int height, int frames, Path pngOrNull, String layers,
                                 java.util.function.Supplier<FramePass> effects, int mapSize, int srcW, int srcH) {
        RenderOptions o = new RenderOptions().setLayers(Layer.parseList(layers));
        ByteBuffer video = MemoryUtil.memAlloc(srcW * srcH * 3);
        ByteBuffer out = MemoryUtil.memAlloc(width * height * 3);
        FramePass pass = null;
        try (Renderer r = Renderer.offscreen(width, height, o)) {
            if (effects != null) r.setEffects(pass = effects.get());
            String gl = org.lwjgl.opengl.GL33C.glGetString(org.lwjgl.opengl.GL33C.GL_RENDERER);
            double[] total = new double[frames];
            double draw = 0, read = 0;
            Map<String, Double> stages = new LinkedHashMap<>();
            stages.put("decode", 4.1);
            stages.put("detect", 7.9);
            stages.put("landmarks", 3.3);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = 0;
            for (int i = -30; i < frames; i++) { // 30 warm-up frames: llvmpipe compiles shader variants lazily
                fill(video, srcW, srcH, i);
                FrameResult res = syntheticResult(srcW, srcH, Math.max(0, i), mapSize);
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                r.render(VideoImage.bgr(video, srcW, srcH), res, new HudInfo(30, stages, "bench-model"));
                org.lwjgl.opengl.GL33C.glFinish(); // so the split below is honest; read-back would wait anyway
                long t1 = System.nanoTime();
                r.readBgr(out);
                long t2 = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                if (i >= 0) {
                    total[i] = (t2 - t0) / 1e6;
                    draw += (t1 - t0) / 1e6;
                    read += (t2 - t1) / 1e6;
                    cpu += c1 - c0;
                }
            }
            // A second, profiled pass: where the milliseconds go (the glFinish per phase serialises
            // the pipeline, so this pass is not the one the totals above come from).
            RenderPhases phases = new RenderPhases();
            r.setPhases(phases);
            for (int i = 0; i < Math.min(frames, 100); i++) {
                fill(video, srcW, srcH, i);
                r.render(VideoImage.bgr(video, srcW, srcH), syntheticResult(srcW, srcH, i, mapSize), new HudInfo(30, stages, "bench-model"));
                r.readBgr(out);
            }
            r.setPhases(null);
            if (pngOrNull != null) r.writePng(pngOrNull);
            if (pass != null) pass.close();
            double[] sorted = total.clone();
            Arrays.sort(sorted);
            return new Result(width, height, layers, mapSize, frames, Arrays.stream(total).average().orElse(0), sorted[frames / 2],
                    sorted[(int) Math.min(frames - 1, Math.round(frames * 0.95))], draw / frames, read / frames, cpu / 1e6 / frames, gl,
                    phases.medians());
        } finally {
            MemoryUtil.memFree(video);
            MemoryUtil.memFree(out);
        }
    }

    private static void fill(ByteBuffer v, int w, int h, int t) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                v.put(i, (byte) (x + t)).put(i + 1, (byte) y).put(i + 2, (byte) (x ^ y));
            }
        }
    }

    /** One face in the frame's centre with landmarks on an ellipse, heatmaps and a pose. */
    public static FrameResult syntheticResult(int w, int h, int t) {
        return syntheticResult(w, h, t, DEFAULT_MAP_SIZE);
    }

    /** As above with heatmaps of {@code hw x hw} texels. */
    public static FrameResult syntheticResult(int w, int h, int t, int hw) {
        float cx = w / 2f + 10 * (float) Math.sin(t * 0.1), cy = h / 2f, rx = h * 0.18f, ry = h * 0.24f;
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) {
            double a = 2 * Math.PI * i / 68;
            lm[2 * i] = cx + rx * (float) Math.cos(a);
            lm[2 * i + 1] = cy + ry * (float) Math.sin(a);
        }
        float[] maps = new float[68 * hw * hw];
        CropTransform crop = CropTransform.square(cx, cy, ry * 2.6f, 256, 256);
        for (int p = 0; p < 68; p++) {
            float[] in = crop.toInput(new float[] {lm[2 * p], lm[2 * p + 1]});
            float px = PixelCentres.map(in[0], 256, hw), py = PixelCentres.map(in[1], 256, hw);
            for (int y = 0; y < hw; y++) for (int x = 0; x < hw; x++) {
                float dx = x - px, dy = y - py;
                // A Gaussian 1.5 of the 64-texel grid's texels wide, whatever the grid
                float k = hw / 64f;
                maps[(p * hw + y) * hw + x] = (float) Math.exp(-(dx * dx + dy * dy) / (4.5 * k * k));
            }
        }
        HeadPose pose = new HeadPose(10, 5, 0, new double[] {0.98, 0, 0.17, 0, 1, 0, -0.17, 0, 0.98},
                new double[] {0, 0, 700}, w, w / 2.0, h / 2.0);
        TrackedFace f = new TrackedFace(1, FaceBox.ofPoints(lm), 0.97f, lm, null, pose,
                new FaceHeatmaps(maps, 68, hw, hw, crop), false, 0);
        return new FrameResult(t, t * 33.3, w, h, List.of(f), "bench");
    }

    public static void main(String[] args) {
        int w = args.length > 0 ? Integer.parseInt(args[0]) : 1280;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 720;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path png = args.length > 3 && !args[3].equals("-") ? Path.of(args[3]) : null;
        int maps = args.length > 5 ? Integer.parseInt(args[5]) : DEFAULT_MAP_SIZE;
        PixelSize src = args.length > 6 ? PixelSize.parse(args[6]) : new PixelSize(w, h);
        System.out.println(measure(w, h, n, png, args.length > 4 ? args[4] : "all", null, maps, src.width(), src.height()));
    }
}
