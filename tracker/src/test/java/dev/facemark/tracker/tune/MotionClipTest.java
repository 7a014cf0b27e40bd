package dev.facemark.tracker.tune;

import dev.facemark.core.data.FaceSample;
import dev.facemark.core.metrics.Normalizer;
import dev.facemark.core.points.Ibug68;
import dev.facemark.core.points.PointScheme;
import dev.facemark.tracker.filter.FaceTemplate;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.junit.jupiter.api.Assertions.*;

/** The clip generator: the truth follows the scripted pose exactly, frames show the face where the truth says. */
class MotionClipTest {
    @TempDir Path tmp;

    @Test
    void scriptsAreDeterministicLabelledAndInRange() {
        MotionScript a = MotionScript.of(MotionScript.STANDARD, 30, 7), b = MotionScript.of(MotionScript.STANDARD, 30, 7);
        assertEquals(720, a.frames());
        int[] counts = new int[3];
        for (int f = 0; f < a.frames(); f++) {
            assertEquals(a.pose(f), b.pose(f));
            counts[a.segment(f).ordinal()]++;
            MotionScript.Pose p = a.pose(f);
            assertTrue(Math.abs(p.dx()) <= MotionScript.MAX_DX && Math.abs(p.dy()) <= MotionScript.MAX_DY, "frame " + f + " " + p);
            assertTrue(Math.abs(p.rollDeg()) <= MotionScript.MAX_ROLL && p.scale() >= MotionScript.MIN_SCALE - 1e-9 && p.scale() <= MotionScript.MAX_SCALE + 1e-9, p.toString());
            if (f > 0 && a.segment(f) == MotionScript.Segment.STILL && a.segment(f - 1) == MotionScript.Segment.STILL) {
                assertEquals(a.pose(f - 1), p, "still means still, frame " + f);
            }
        }
        assertEquals(10 * 30, counts[MotionScript.Segment.STILL.ordinal()]);
        assertEquals(7 * 30, counts[MotionScript.Segment.SMOOTH.ordinal()]);
        assertEquals(7 * 30, counts[MotionScript.Segment.FAST.ordinal()]);
        double fastest = 0;
        for (int f = 1; f < a.frames(); f++) fastest = Math.max(fastest, Math.hypot(a.pose(f).dx() - a.pose(f - 1).dx(), a.pose(f).dy() - a.pose(f - 1).dy()));
        assertTrue(fastest > 10 && fastest < 40, "fast moves peak at " + fastest + " px per frame");
    }

    @Test
    void truthFollowsThePoseAndTheFrameShowsTheFaceThere() {
        // a photo whose face is rolled by 10 degrees, 100 px between the outer eye corners
        double roll = Math.toRadians(10);
        float[] pts = new float[136];
        for (int i = 0; i < pts.length; i += 2) {
            double x = 100 * FaceTemplate.MEAN_68[i], y = 100 * FaceTemplate.MEAN_68[i + 1];
            pts[i] = (float) (300 + Math.cos(roll) * x - Math.sin(roll) * y);
            pts[i + 1] = (float) (250 + Math.sin(roll) * x + Math.cos(roll) * y);
        }
        Path img = tmp.resolve("face.png");
        try (Mat m = new Mat(500, 600, CV_8UC3, new Scalar(40, 40, 40, 0))) {
            circle(m, new Point(Math.round(Ibug68.x(pts, Ibug68.NOSE_TIP)), Math.round(Ibug68.y(pts, Ibug68.NOSE_TIP))), 6, new Scalar(255, 255, 255, 0), -1, 8, 0);
            imwrite(img.toString(), m);
        }
        MotionScript s = MotionScript.of(MotionScript.SHORT, 30, 3);
        try (MotionClip clip = new MotionClip(new FaceSample("synthetic", img, pts, "test"), s, 70, 3, 1)) {
            int[] eyes = PointScheme.IBUG_68.outerEyeCorners();
            for (int f = 0; f < clip.frames(); f += 7) {
                MotionScript.Pose p = s.pose(f);
                float[] t = clip.truth(f);
                assertEquals(70 * p.scale(), Normalizer.INTER_OCULAR.distance(PointScheme.IBUG_68, t), 0.05, "frame " + f);
                double eyeLine = Math.toDegrees(Math.atan2(t[2 * eyes[1] + 1] - t[2 * eyes[0] + 1], t[2 * eyes[1]] - t[2 * eyes[0]]));
                assertEquals(p.rollDeg(), eyeLine, 0.01, "frame " + f + ": the photo's own roll is undone");
                Mat frame = clip.frame(f);
                assertEquals(640, frame.cols());
                assertEquals(480, frame.rows());
                if (s.segment(f) == MotionScript.Segment.FAST) continue; // motion blur smears the dot
                // the bright nose-tip dot is where the truth puts the nose tip
                int x = Math.round(Ibug68.x(t, Ibug68.NOSE_TIP)), y = Math.round(Ibug68.y(t, Ibug68.NOSE_TIP));
                assertTrue((frame.ptr(y, x).get(0) & 0xFF) > 150, "frame " + f + ": nose tip at " + x + "," + y);
            }
            // sensor noise on the flat background: about 3 grey levels
            Mat still = clip.frame(0);
            try (Mat mean = new Mat(); Mat sd = new Mat(); Mat patch = still.apply(new org.bytedeco.opencv.opencv_core.Rect(0, 0, 60, 60))) {
                meanStdDev(patch, mean, sd);
                double sigma = sd.createIndexer().getDouble(0);
                assertEquals(3, sigma, 0.6, "noise sigma");
            }
        }
    }
}
