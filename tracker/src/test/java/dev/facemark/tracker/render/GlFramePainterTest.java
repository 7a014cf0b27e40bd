package dev.facemark.tracker.render;

import dev.facemark.core.points.PointScheme;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.EnumSet;

import static dev.facemark.tracker.render.GlTestSupport.*;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.*;

/** The GPU painter draws into the caller's Mat in place, at the Mat's size. */
class GlFramePainterTest {
    @Test
    void paintsLandmarksIntoTheMat() {
        RenderOptions o = new RenderOptions().setLayers(EnumSet.of(Layer.VIDEO, Layer.POINTS)).setPointRadius(2.5f);
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) { lm[2 * i] = 12.25f + (i % 17) * 17; lm[2 * i + 1] = 20.75f + (i / 17) * 50; }
        try (GlFramePainter painter = new GlFramePainter(o);
             Mat m = new Mat(240, 320, CV_8UC3, new Scalar(90, 90, 90, 0))) {
            painter.paint(m, result(320, 240, face(3, lm, null, null, 0)));
            assertEquals(320, m.cols());
            ByteBuffer px = m.data().capacity(320 * 240 * 3).asBuffer();
            for (int i = 0; i < 68; i++) {
                int colour = o.groupColour(PointScheme.IBUG_68.groupOf(i));
                // pixel whose centre is nearest the landmark (pixel-centre convention)
                int x = Math.round(lm[2 * i]), y = Math.round(lm[2 * i + 1]);
                assertTrue(close(bgrAt(px, 320, x, y), colour, 6), "point " + i + " at " + x + "," + y);
                assertTrue(close(bgrAt(px, 320, x + 6, y), 0x5A5A5AFF, 1), "video beside point " + i);
            }
        }
    }
}
