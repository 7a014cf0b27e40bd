package dev.facemark.core.geom;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class CropTransformTest {

    @Test
    void roundTripIsExactToATenThousandthOfAPixel() {
        Random rnd = new Random(42);
        int[][] sizes = {{64, 64}, {112, 96}, {40, 128}, {1, 3}};
        for (int trial = 0; trial < 2000; trial++) {
            int[] wh = sizes[trial % sizes.length];
            float cx = rnd.nextFloat() * 2000 - 500, cy = rnd.nextFloat() * 2000 - 500;
            float cw = 5 + rnd.nextFloat() * 600, ch = 5 + rnd.nextFloat() * 600;
            float angle = (float) ((rnd.nextDouble() * 2 - 1) * Math.PI);
            CropTransform t = new CropTransform(cx, cy, cw, ch, angle, wh[0], wh[1]);
            float[] src = new float[136];
            for (int i = 0; i < src.length; i += 2) {
                src[i] = cx + (rnd.nextFloat() - 0.5f) * cw * 1.5f;
                src[i + 1] = cy + (rnd.nextFloat() - 0.5f) * ch * 1.5f;
            }
            float[] back = t.toSource(t.toInput(src));
            for (int i = 0; i < src.length; i++) {
                if (Math.abs(src[i] - back[i]) > 1e-4 * Math.max(1, Math.abs(src[i]) / 1000)) fail(t + " point " + i + ": " + src[i] + " -> " + back[i]);
            }
            // And the other way: input -> source -> input.
            float[] in = {-0.5f, -0.5f, wh[0] - 0.5f, wh[1] - 0.5f, 3.25f, 7.75f};
            float[] in2 = t.toInput(t.toSource(in));
            // The intermediate source points are floats: their rounding (ulp at |source|) is magnified
            // by the input/crop scale, which is the only error allowed on top of 1e-4.
            double mag = Math.abs(cx) + Math.abs(cy) + cw + ch;
            double tol = 1e-4 + Math.ulp((float) mag) * (wh[0] / cw + wh[1] / ch);
            for (int i = 0; i < in.length; i++) if (Math.abs(in[i] - in2[i]) > tol) fail(t + " input value " + i + ": " + in[i] + " -> " + in2[i]);
        }
    }

    @Test
    void matricesAreInversesOfEachOther() {
        CropTransform t = new CropTransform(123.4f, 56.7f, 80f, 120f, 0.6f, 96, 128);
        double[] f = t.forwardMatrix(), b = t.inverseMatrix();
        // F * B (as 3x3 affine) must be the identity.
        double a00 = f[0] * b[0] + f[1] * b[3], a01 = f[0] * b[1] + f[1] * b[4], a02 = f[0] * b[2] + f[1] * b[5] + f[2];
        double a10 = f[3] * b[0] + f[4] * b[3], a11 = f[3] * b[1] + f[4] * b[4], a12 = f[3] * b[2] + f[4] * b[5] + f[5];
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, new double[] {a00, a01, a02, a10, a11, a12}, 1e-9);
    }

    @Test
    void cropCentreLandsOnInputCentreAndCornersOnInputCorners() {
        // Axis-aligned 100x50 crop centred at (200, 100) onto a 64x32 input.
        CropTransform t = new CropTransform(200f, 100f, 100f, 50f, 0f, 64, 32);
        assertArrayEquals(new float[] {31.5f, 15.5f}, t.toInput(new float[] {200f, 100f}), 1e-5f);
        // The crop's outer edge (x = 150, y = 75) is the input's outer edge (-0.5, -0.5).
        assertArrayEquals(new float[] {-0.5f, -0.5f, 63.5f, 31.5f}, t.toInput(new float[] {150f, 75f, 250f, 125f}), 1e-4f);
        assertEquals(100f / 64f, t.sourcePixelsPerInputPixel(), 1e-6f);
    }

    @Test
    void positiveAngleUndoesAClockwiseRoll() {
        // A point 10 px right of the centre, rotated by +90 degrees (towards +y), is straight below the
        // centre in the source; the crop rotated by +90 degrees must show it to the right again.
        CropTransform t = new CropTransform(50f, 50f, 40f, 40f, (float) (Math.PI / 2), 40, 40);
        float[] q = t.toInput(new float[] {50f, 60f});
        assertEquals(19.5f + 10f, q[0], 1e-4f);
        assertEquals(19.5f, q[1], 1e-4f);
    }

    @Test
    void rejectsEmptyCrops() {
        assertThrows(IllegalArgumentException.class, () -> new CropTransform(0, 0, 0, 10, 0, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new CropTransform(0, 0, 10, 10, 0, 0, 8));
    }

    @Test
    void mirroredCropFlipsTheInputAndStillMapsBackToTheSource() {
        CropTransform t = new CropTransform(210.3f, 140.7f, 96f, 120f, 0.25f, 112, 112);
        CropTransform m = t.mirrored();
        float[] src = {200f, 130f, 250.5f, 170.25f, 180f, 100f};
        float[] in = t.toInput(src), inM = m.toInput(src);
        for (int i = 0; i < src.length; i += 2) {
            assertEquals(111 - in[i], inM[i], 1e-3, "u mirrored about the input's centre");
            assertEquals(in[i + 1], inM[i + 1], 1e-3, "v unchanged");
        }
        float[] back = m.toSource(inM);
        for (int i = 0; i < src.length; i++) assertEquals(src[i], back[i], 1e-3);
        assertEquals(t.centreX(), m.centreX());
    }

    @Test
    void aShiftedCropSeesAMovedPointWhereTheOriginalSawThePoint() {
        CropTransform t = new CropTransform(120, 80, 90, 90, 0.4f, 112, 112);
        CropTransform moved = t.shifted(17.5f, -6f);
        float[] p = {130, 70, 95, 101};
        float[] q = {130 + 17.5f, 70 - 6f, 95 + 17.5f, 101 - 6f};
        assertArrayEquals(t.toInput(p), moved.toInput(q), 1e-4f);
        assertEquals(137.5f, moved.centreX(), 1e-6f);
        assertEquals(t.angle(), moved.angle());
        assertEquals(t.cropWidth(), moved.cropWidth());
    }
}
