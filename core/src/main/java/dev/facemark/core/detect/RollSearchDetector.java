package dev.facemark.core.detect;

import dev.facemark.core.image.WarpTables;
import dev.facemark.core.geom.FaceBox;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Finds faces rolled anywhere in +-90 degrees (people lean, phones turn) with a keypoint detector that
 * is trained on faces within about 30 degrees of upright. Two extra steps, both only on frames the
 * tracker asks to detect (so nothing while every face is tracked):
 * <ol>
 *   <li><b>Upright re-detection.</b> A face that is not confidently upright (eye line more than
 *       {@link #REFINE_ROLL} off level, or a score under {@link #SURE_UPRIGHT}) is cut out turned upright
 *       under four roll hypotheses and detected again; the best-scored upright view gives the roll
 *       (turn plus the residual eye line) and the box (see {@link #uprightRefined}).</li>
 *   <li><b>Turned frames.</b> When the frame gives no face at all, it is searched again turned by
 *       {@link #TURNS} (+-45 and +-90 degrees: a head on a shoulder, a phone held sideways), and what is found is mapped back.</li>
 * </ol>
 * Boxes come back centred on the face in source pixels, sized along the face's own axes, and the
 * keypoints in source pixels, so {@link DetectionSeed} crops the face upright.
 */
public final class RollSearchDetector implements FaceDetector {
    /** Eye-line rolls beyond this (radians, about 12 degrees) get the upright re-detection. */
    public static final float REFINE_ROLL = 0.21f;
    /** Frame turns tried when the frame itself shows no face (radians). */
    static final double[] TURNS = {Math.PI / 4, -Math.PI / 4, Math.PI / 2, -Math.PI / 2};
    /** The upright cut-out's side, in face-box sides: room for the whole face and some context. */
    private static final float PATCH_SCALE = 2.0f;
    /** A detection read as level with at least this score is taken as upright without a second look. */
    static final float SURE_UPRIGHT = 0.9f;

    private final FaceDetector inner;
    private final Mat frame = new Mat(), turned = new Mat(), matrix = new Mat(2, 3, CV_64F);
    private final Scalar black = new Scalar(0, 0, 0, 0);

    /** Wraps a detector with keypoints (YuNet); without keypoints only the turned-frame search applies. */
    public RollSearchDetector(FaceDetector inner) { this.inner = inner; }

    @Override public String name() { return inner.name(); }

    @Override public String parameters() { return inner.parameters() + " roll_search=upright-redetect+turns(+-45,+-90)"; }

    @Override
    public void prepare(Mat bgr) {
        bgr.copyTo(frame); // the caller's frame may be reused before detect() runs (background detection)
        inner.prepare(bgr);
    }

    @Override
    public List<Detection> detect() {
        List<Detection> found = inner.detect();
        if (found.isEmpty()) {
            for (double turn : TURNS) {
                found = detectTurned(frame.cols() / 2f - 0.5f, frame.rows() / 2f - 0.5f, turn,
                        Math.max(frame.cols(), frame.rows()), 0f);
                if (!found.isEmpty()) break;
            }
        }
        List<Detection> out = new ArrayList<>(found.size());
        for (Detection d : found) out.add(uprightRefined(d));
        return out;
    }

    /**
     * The face seen upright. YuNet's eye line is only trustworthy near upright: past about 45 degrees it
     * often reads a rolled face as nearly level (a face at 90 degrees as -4), and its score drops. So a face
     * that is not confidently upright is cut out turned by four hypotheses (its eye line, that +-90
     * degrees, and upside down), each levelled once more if still off, and the one YuNet scores highest wins: the turn at
     * which the face looks most like an upright face.
     */
    private Detection uprightRefined(Detection d) {
        if (!d.hasKeypoints()) return d;
        float est = DetectionSeed.eyeRoll(d);
        if (Math.abs(est) < REFINE_ROLL && d.score() >= SURE_UPRIGHT) return d;
        Detection best = Math.abs(est) < REFINE_ROLL ? d : null;
        for (double turn : new double[] {est, est + Math.PI / 2, est - Math.PI / 2, est + Math.PI}) {
            Detection u = redetect(d, turn);
            if (u == null) continue;
            float roll = DetectionSeed.eyeRoll(u);
            if (Math.abs(Math.IEEEremainder(roll - turn, 2 * Math.PI)) > REFINE_ROLL) {
                Detection v = redetect(u, roll);
                if (v != null) u = v;
            }
            if (best == null || u.score() > best.score()) best = u;
        }
        return best != null ? best : d;
    }

    /** The face nearest {@code d} on a copy cut around it and turned by {@code -turn}, mapped back; null if none. */
    private Detection redetect(Detection d, double turn) {
        FaceBox b = d.box();
        float size = Math.max(b.w(), b.h());
        Detection best = null;
        float bestDist = Float.MAX_VALUE;
        for (Detection u : detectTurned(b.cx(), b.cy(), turn, PATCH_SCALE * size, 0.5f * size)) {
            float dist = Math.abs(u.box().cx() - b.cx()) + Math.abs(u.box().cy() - b.cy());
            if (dist < bestDist) { bestDist = dist; best = u; }
        }
        return best;
    }

    /**
     * Detects on a square of {@code side} source pixels around (cx, cy), turned by {@code -angle} so a face
     * rolled by {@code angle} looks upright; maps what is found back to the source. {@code maxOffset} > 0
     * keeps only faces whose centre lies within that distance of (cx, cy).
     */
    private List<Detection> detectTurned(float cx, float cy, double angle, float side, float maxOffset) {
        int n = Math.max(32, Math.round(side));
        double c = Math.cos(angle), s = Math.sin(angle), h = (n - 1) / 2.0;
        // patch p = R(-angle) (q - centre) + h: rows (c, s; -s, c)
        try (DoubleIndexer idx = matrix.createIndexer()) {
            idx.put(0, 0, c); idx.put(0, 1, s); idx.put(0, 2, h - (c * cx + s * cy));
            idx.put(1, 0, -s); idx.put(1, 1, c); idx.put(1, 2, h - (-s * cx + c * cy));
        }
        try (Size size = new Size(n, n)) {
            WarpTables.ready();
            warpAffine(frame, turned, matrix, size, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        List<Detection> out = new ArrayList<>();
        for (Detection u : inner.detect(turned)) {
            float px = u.box().cx(), py = u.box().cy();
            float sx = (float) (cx + c * (px - h) - s * (py - h)), sy = (float) (cy + s * (px - h) + c * (py - h));
            if (maxOffset > 0 && Math.hypot(sx - cx, sy - cy) > maxOffset) continue;
            float[] k = u.keypoints();
            if (k != null) {
                for (int i = 0; i < k.length; i += 2) {
                    double x = k[i] - h, y = k[i + 1] - h;
                    k[i] = (float) (cx + c * x - s * y);
                    k[i + 1] = (float) (cy + s * x + c * y);
                }
            }
            out.add(new Detection(FaceBox.ofCentre(sx, sy, u.box().w(), u.box().h()), u.score(), k));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            frame.close(); turned.close(); matrix.close(); black.close();
        }
    }
}
