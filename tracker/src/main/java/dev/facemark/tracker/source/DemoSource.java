package dev.facemark.tracker.source;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

/**
 * Something real to track without a camera: the bundled public-domain portrait (see
 * demo/PROVENANCE.md) on a 640x480 canvas, moved by smooth random motion (sums of slow sines with
 * random phases): translation, scale, in-plane rotation and lighting. Deterministic for a seed.
 */
public final class DemoSource implements FrameSource {
    public static final String RESOURCE = "/demo/grace_hopper.jpg";
    public static final int WIDTH = 640, HEIGHT = 480;

    private final Mat photo;
    private final Mat canvas = new Mat();
    private final Mat lit = new Mat();
    private final Mat matrix = new Mat(2, 3, CV_64F);
    private final double fps;
    private final long maxFrames;
    private final boolean realTime;
    private final double[][] waves = new double[5][6]; // per parameter: 3 (frequency, phase) pairs
    private long index;
    private long startNs;

    /**
     * @param maxFrames stop after this many frames (0 = never)
     * @param realTime  pace frames at {@code fps} (for display); false delivers as fast as asked
     */
    public DemoSource(long seed, double fps, long maxFrames, boolean realTime) {
        this.fps = fps;
        this.maxFrames = maxFrames;
        this.realTime = realTime;
        this.photo = load();
        Random r = new Random(seed);
        for (double[] w : waves) {
            for (int k = 0; k < 3; k++) {
                w[2 * k] = 0.05 + 0.25 * r.nextDouble();      // 0.05-0.3 Hz: slow head-like motion
                w[2 * k + 1] = 2 * Math.PI * r.nextDouble();
            }
        }
    }

    private static Mat load() {
        try (InputStream in = DemoSource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new SourceException("demo image " + RESOURCE + " missing from the jar; rebuild the tracker");
            byte[] bytes = in.readAllBytes();
            try (Mat buf = new Mat(new BytePointer(bytes))) {
                Mat m = imdecode(buf, IMREAD_COLOR);
                if (m.empty()) throw new SourceException("demo image " + RESOURCE + " cannot be decoded");
                return m;
            }
        } catch (IOException e) {
            throw new SourceException("cannot read demo image " + RESOURCE + ": " + e.getMessage());
        }
    }

    /** Smooth noise in [-1, 1] for parameter p at time t seconds. */
    private double wave(int p, double t) {
        double[] w = waves[p];
        double s = 0;
        for (int k = 0; k < 3; k++) s += Math.sin(2 * Math.PI * w[2 * k] * t + w[2 * k + 1]);
        return s / 3;
    }

    @Override
    public SourceFrame next() {
        if (maxFrames > 0 && index >= maxFrames) return null;
        double t = index / fps;
        if (realTime) pace(t);
        double scale = 0.75 + 0.15 * wave(0, t);
        double angle = 12 * wave(1, t);                       // degrees
        double cx = WIDTH / 2.0 + 90 * wave(2, t), cy = HEIGHT / 2.0 + 50 * wave(3, t);
        double light = 1.0 + 0.3 * wave(4, t);
        // Rotation/scale about the photo's centre, then move that centre to (cx, cy).
        try (Mat rot = getRotationMatrix2D(new org.bytedeco.opencv.opencv_core.Point2f(photo.cols() / 2f, photo.rows() / 2f), angle, scale);
             DoubleIndexer src = rot.createIndexer(); DoubleIndexer dst = matrix.createIndexer()) {
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) dst.put(i, j, src.get(i, j));
            dst.put(0, 2, dst.get(0, 2) + cx - photo.cols() / 2.0);
            dst.put(1, 2, dst.get(1, 2) + cy - photo.rows() / 2.0);
        }
        warpAffine(photo, canvas, matrix, new Size(WIDTH, HEIGHT), INTER_LINEAR,
                org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT, new Scalar(60, 60, 60, 0));
        canvas.convertTo(lit, -1, light, 10 * wave(4, t + 3));
        return new SourceFrame(index++, t * 1000.0, lit, null);
    }

    private void pace(double t) {
        long now = System.nanoTime();
        if (index == 0) startNs = now;
        long wait = startNs + (long) (t * 1e9) - now;
        if (wait > 0) {
            try { Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); }
            catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
    }

    @Override public String name() { return "demo"; }
    @Override public double fps() { return fps; }
    @Override public long frameCount() { return maxFrames > 0 ? maxFrames : -1; }
    @Override public boolean live() { return true; }

    @Override
    public void close() {
        photo.close(); canvas.close(); lit.close(); matrix.close();
    }
}
