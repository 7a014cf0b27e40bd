package dev.facemark.tracker.tune;

import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.image.Cropper;
import dev.facemark.core.metrics.Normalizer;
import dev.facemark.core.points.PointScheme;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * One labelled face photo moved on a 640x480 canvas by a {@link MotionScript}: each frame is the
 * photo (its own background around the face, borders replicated) warped by a known similarity
 * through core's {@link Cropper}, so the ground truth of a frame is the photo's landmarks mapped by
 * the same {@link CropTransform}. Frames carry camera-like defects: motion blur over a half-frame
 * exposure (the warp averaged over sub-frame poses while the face moves) and Gaussian sensor noise.
 * The face's own roll in the photo is undone, so the script's roll is the roll on the canvas.
 *
 * <p>Not thread-safe; {@link #frame} reuses one Mat. Close when done.
 */
public final class MotionClip implements AutoCloseable {
    public static final int WIDTH = 640, HEIGHT = 480;
    private static final double EXPOSURE_FRAMES = 0.5;
    private static final int MAX_SUBFRAMES = 9;

    private final FaceSample face;
    private final MotionScript script;
    private final Mat photo;
    private final float[] points; // in the (downscaled) photo
    private final double cx, cy, baseZoom, photoRoll, noiseSigma;
    private final Cropper cropper = new Cropper();
    private final Mat acc = new Mat(), sub = new Mat(), noise, out = new Mat();
    private final Mat noiseMean = new Mat(1, 1, CV_64F, new Scalar(0)), noiseStd;
    private final RNG rng;

    /**
     * @param iod        inter-ocular distance of the face on the canvas at scale 1, pixels
     * @param noiseSigma sensor noise, grey levels (0 = none)
     * @param seed       the noise's seed
     */
    public MotionClip(FaceSample face, MotionScript script, double iod, double noiseSigma, long seed) {
        this.face = face;
        this.script = script;
        this.noiseSigma = noiseSigma;
        PointScheme scheme = PointScheme.IBUG_68;
        float[] pts = face.points().clone();
        double photoIod = Normalizer.INTER_OCULAR.distance(scheme, pts);
        if (!(photoIod > 1)) throw new IllegalArgumentException(face.name() + ": no inter-ocular distance");
        Mat img = ImageLoader.readColor(face.image());
        // Shrink big photos once, so the per-frame warp never needs its anti-alias blur (and is cheap).
        double f = Math.min(1.0, 1.5 * iod * MotionScript.MAX_SCALE / photoIod);
        if (f < 1.0) {
            Mat small = new Mat();
            try (Size size = new Size(Math.max(1, (int) Math.round(img.cols() * f)), Math.max(1, (int) Math.round(img.rows() * f)))) {
                resize(img, small, size, 0, 0, INTER_AREA);
            }
            double fx = small.cols() / (double) img.cols(), fy = small.rows() / (double) img.rows();
            for (int i = 0; i < pts.length; i += 2) {
                pts[i] = (float) ((pts[i] + 0.5) * fx - 0.5);
                pts[i + 1] = (float) ((pts[i + 1] + 0.5) * fy - 0.5);
            }
            img.close();
            img = small;
            photoIod = Normalizer.INTER_OCULAR.distance(scheme, pts);
        }
        this.photo = img;
        this.points = pts;
        FaceBox box = FaceBox.ofPoints(pts);
        this.cx = box.cx();
        this.cy = box.cy();
        this.baseZoom = iod / photoIod;
        int[] eyes = scheme.outerEyeCorners();
        this.photoRoll = Math.atan2(pts[2 * eyes[1] + 1] - pts[2 * eyes[0] + 1], pts[2 * eyes[1]] - pts[2 * eyes[0]]);
        this.noise = new Mat(HEIGHT, WIDTH, CV_32FC3);
        this.noiseStd = new Mat(1, 1, CV_64F, new Scalar(noiseSigma));
        this.rng = new RNG(seed);
    }

    public FaceSample face() { return face; }
    public MotionScript script() { return script; }
    public int frames() { return script.frames(); }

    /** The canvas-from-photo map at a (fractional) frame. */
    public CropTransform transform(double frame) {
        MotionScript.Pose p = script.pose(frame);
        double zoom = baseZoom * p.scale();
        double angle = -(Math.toRadians(p.rollDeg()) - photoRoll); // CropTransform turns the photo by -angle
        double cos = Math.cos(angle), sin = Math.sin(angle);
        // the face centre lands at canvas centre + (dx, dy): c = f - R(angle) (dx, dy) / zoom
        double ccx = cx - (cos * p.dx() - sin * p.dy()) / zoom, ccy = cy - (sin * p.dx() + cos * p.dy()) / zoom;
        return new CropTransform((float) ccx, (float) ccy, (float) (WIDTH / zoom), (float) (HEIGHT / zoom), (float) angle, WIDTH, HEIGHT);
    }

    /** Ground-truth landmarks of a frame on the canvas (mid-exposure). */
    public float[] truth(int frame) { return transform(frame).toInput(points); }

    /** Renders a frame (BGR, 8 bit, 640x480); the Mat is reused by the next call. */
    public Mat frame(int frame) {
        double t0 = frame - EXPOSURE_FRAMES / 2, t1 = frame + EXPOSURE_FRAMES / 2;
        float[] p0 = transform(t0).toInput(points), p1 = transform(t1).toInput(points);
        double move = 0;
        for (int i = 0; i < p0.length; i += 2) move = Math.max(move, Math.hypot(p1[i] - p0[i], p1[i + 1] - p0[i + 1]));
        int k = Math.max(1, Math.min(MAX_SUBFRAMES, (int) Math.ceil(move / 1.5)));
        for (int s = 0; s < k; s++) {
            double t = k == 1 ? frame : t0 + (t1 - t0) * s / (k - 1);
            Mat w = cropper.warp(photo, transform(t));
            if (s == 0) w.convertTo(acc, CV_32F);
            else {
                w.convertTo(sub, CV_32F);
                add(acc, sub, acc);
            }
        }
        double scale = 1.0 / k;
        if (noiseSigma > 0) {
            rng._fill(noise, RNG.NORMAL, noiseMean, noiseStd);
            acc.convertTo(sub, CV_32F, scale, 0);
            add(sub, noise, sub);
            sub.convertTo(out, CV_8U);
        } else {
            acc.convertTo(out, CV_8U, scale, 0);
        }
        return out;
    }

    @Override
    public void close() {
        cropper.close();
        photo.close(); acc.close(); sub.close(); noise.close(); out.close(); noiseMean.close(); noiseStd.close();
        rng.close();
    }
}
