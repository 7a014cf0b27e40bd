package dev.facemark.core.geom;

import dev.facemark.core.runtime.FixtureModels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CropFromLandmarksTest {

    /** The 300-W mean face, 100 px wide, centred at (cx, cy), rolled by {@code angle} (radians, clockwise on screen). */
    static float[] face(float cx, float cy, float angle) {
        float[] u = FixtureModels.meanShapeUnit(), xy = new float[u.length];
        double c = Math.cos(angle), s = Math.sin(angle);
        for (int i = 0; i < u.length; i += 2) {
            double x = 100 * u[i], y = 100 * u[i + 1];
            xy[i] = (float) (cx + c * x - s * y);
            xy[i + 1] = (float) (cy + s * x + c * y);
        }
        return xy;
    }

    @Test
    void rollIsTheEyeLineAngle() {
        assertEquals(0f, CropFromLandmarks.roll(face(200, 150, 0f), 36, 45), 0.02f, "the mean face's eye line is level to ~1 degree");
        assertEquals(0.3f, CropFromLandmarks.roll(face(200, 150, 0.3f), 36, 45), 0.02f);
        assertEquals(-0.5f, CropFromLandmarks.roll(face(200, 150, -0.5f), 36, 45), 0.02f);
    }

    @Test
    void derotatedBoxOfARolledFaceIsTheUprightFacesBox() {
        FaceBox upright = CropFromLandmarks.box(face(200, 150, 0f), 0f);
        float angle = 0.4f;
        float[] rolled = face(200, 150, angle);
        FaceBox derot = CropFromLandmarks.box(rolled, CropFromLandmarks.roll(rolled, 36, 45));
        assertEquals(upright.w(), derot.w(), 1.5f);
        assertEquals(upright.h(), derot.h(), 1.5f);
        // Its centre is the upright box's centre, rolled about the point the face was rolled about.
        double dx = upright.cx() - 200, dy = upright.cy() - 150, c = Math.cos(angle), s = Math.sin(angle);
        assertEquals(200 + c * dx - s * dy, derot.cx(), 1.5);
        assertEquals(150 + s * dx + c * dy, derot.cy(), 1.5);
    }

    @Test
    void trackingCropPutsTheFaceUprightAtTheInputCentre() {
        float angle = 0.35f;
        float[] pts = face(220, 160, angle);
        float roll = CropFromLandmarks.roll(pts, 36, 45);
        CropTransform t = BoxPolicy.DEFAULT.testCrop(CropFromLandmarks.box(pts, roll), roll, 64, 64);
        float[] in = t.toInput(pts);
        assertEquals(0f, CropFromLandmarks.roll(in, 36, 45), 0.02f, "eye line level in the crop");
        FaceBox b = FaceBox.ofPoints(in);
        float expectedSide = 64 / (BoxPolicy.DEFAULT.scale() * (1 + BoxPolicy.DEFAULT.testEnlarge()));
        assertEquals(expectedSide, Math.max(b.w(), b.h()), 1f, "face fills the crop as the box policy says");
        assertEquals(31.5f, b.cx(), 1f);
    }
}
