package dev.facemark.tracker.output;

import dev.facemark.core.points.Ibug68;
import dev.facemark.core.points.PointScheme;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.face.TrackedFace;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_imgproc.*;

/**
 * Simple CPU drawing with OpenCV: the scheme's contour lines, a dot per point, the face box, the
 * id and score, and the head pose's axes from the nose tip. Anti-aliased, sub-pixel positions
 * (shift = 4 bits), so points land where the tracker put them.
 */
public final class CpuPainter implements FramePainter {
    private static final int SHIFT = 4;
    private static final float ONE = 1 << SHIFT;
    private final int[] edges;
    private final Scalar lineColour = new Scalar(80, 220, 80, 0);
    private final Scalar pointColour = new Scalar(40, 255, 255, 0);
    private final Scalar boxColour = new Scalar(255, 160, 40, 0);
    private final Scalar[] axisColours = {new Scalar(0, 0, 255, 0), new Scalar(0, 255, 0, 0), new Scalar(255, 0, 0, 0)};
    private final Point a = new Point(), b = new Point();

    public CpuPainter(PointScheme scheme) { this.edges = scheme.edges(); }

    @Override
    public void paint(Mat bgr, FrameResult result) {
        for (TrackedFace f : result.faces()) {
            float[] p = f.landmarks();
            int n = p.length / 2;
            for (int e = 0; e + 1 < edges.length; e += 2) {
                if (edges[e] >= n || edges[e + 1] >= n) continue;
                line(bgr, at(a, p[2 * edges[e]], p[2 * edges[e] + 1]), at(b, p[2 * edges[e + 1]], p[2 * edges[e + 1] + 1]), lineColour, 1, LINE_AA, SHIFT);
            }
            for (int i = 0; i < n; i++) circle(bgr, at(a, p[2 * i], p[2 * i + 1]), (int) (1.5f * ONE), pointColour, -1, LINE_AA, SHIFT);
            rectangle(bgr, at(a, f.box().x(), f.box().y()), at(b, f.box().x() + f.box().w(), f.box().y() + f.box().h()), boxColour, 1, LINE_AA, SHIFT);
            try (Point org = new Point(Math.round(f.box().x()), Math.round(f.box().y() - 4))) {
                putText(bgr, String.format("#%d %.2f", f.id(), f.score()), org, FONT_HERSHEY_SIMPLEX, 0.45, boxColour, 1, LINE_AA, false);
            }
            if (f.pose() != null && n == PointScheme.IBUG_68.count()) axes(bgr, f.pose(), Ibug68.x(p, Ibug68.NOSE_TIP), Ibug68.y(p, Ibug68.NOSE_TIP));
        }
    }

    /** The head's x (red), y (green) and z (blue) axes, 40 mm long, projected through the pose's camera. */
    private void axes(Mat bgr, HeadPose pose, float noseX, float noseY) {
        double[] r = pose.rotation(), t = pose.translation();
        for (int k = 0; k < 3; k++) {
            double x = t[0] + 40 * r[k], y = t[1] + 40 * r[3 + k], z = t[2] + 40 * r[6 + k];
            if (z <= 1) continue;
            float u = (float) (pose.focalLength() * x / z + pose.principalX());
            float v = (float) (pose.focalLength() * y / z + pose.principalY());
            line(bgr, at(a, noseX, noseY), at(b, u, v), axisColours[k], 2, LINE_AA, SHIFT);
        }
    }

    private static Point at(Point p, float x, float y) {
        return p.x(Math.round(x * ONE)).y(Math.round(y * ONE));
    }

    @Override
    public void close() {
        lineColour.close(); pointColour.close(); boxColour.close(); a.close(); b.close();
        for (Scalar c : axisColours) c.close();
    }
}
