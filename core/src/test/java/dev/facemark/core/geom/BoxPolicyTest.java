package dev.facemark.core.geom;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BoxPolicyTest {
    private final BoxPolicy p = BoxPolicy.DEFAULT;

    @Test
    void defaultNumbersAreTheSeedStudys() {
        assertEquals(1.15f, p.scale());
        assertEquals(-0.05f, p.shiftY());
        assertEquals(0f, p.trainEnlargeMin());
        assertEquals(0.2f, p.trainEnlargeMax());
        assertEquals(0.1f, p.testEnlarge());
    }

    @Test
    void testCropIsScaledEnlargedAndShiftedUp() {
        FaceBox ref = new FaceBox(100, 50, 80, 100); // centre (140, 100), max side 100
        CropTransform t = p.testCrop(ref, 0f, 64, 64);
        assertEquals(1.15f * 100f * 1.1f, t.cropWidth(), 1e-4f);
        assertEquals(t.cropWidth(), t.cropHeight(), 1e-6f);
        assertEquals(140f, t.centreX(), 1e-5f);
        assertEquals(100f - 0.05f * 100f, t.centreY(), 1e-5f);
        assertEquals(0f, t.angle());
        // Non-square input: the crop keeps the input's aspect ratio (square source pixels).
        CropTransform r = p.crop(ref, 0.2f, 0.3f, 64, 80);
        assertEquals(1.15f * 100f * 1.2f, r.cropWidth(), 1e-4f);
        assertEquals(r.cropWidth() * 80f / 64f, r.cropHeight(), 1e-4f);
        assertEquals(0.3f, r.angle());
        // Width-dominated box uses w.
        assertEquals(1.15f * 200f, p.crop(new FaceBox(0, 0, 200, 50), 0f, 0f, 32, 32).cropWidth(), 1e-4f);
    }

    @Test
    void degenerateBoxesStillGiveAPositiveCrop() {
        CropTransform t = p.testCrop(new FaceBox(5, 5, 0, 0), 0f, 32, 32);
        assertEquals(1f, t.cropWidth());
    }

    @Test
    void trainingEnlargementSpansTheRange() {
        assertEquals(0f, p.trainEnlarge(0), 1e-7f);
        assertEquals(0.1f, p.trainEnlarge(0.5), 1e-7f);
        assertTrue(p.trainEnlarge(0.999999) < 0.2f + 1e-6f);
        BoxPolicy q = new BoxPolicy(1f, 0f, 0.05f, 0.15f, 0.1f);
        assertEquals(0.05f, q.trainEnlarge(0), 1e-7f);
        assertEquals(0.15f, q.trainEnlarge(1), 1e-7f);
    }

    @Test
    void rejectsBadNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new BoxPolicy(0f, 0f, 0f, 0.2f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> new BoxPolicy(1f, 0f, 0.3f, 0.2f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> new BoxPolicy(1f, 0f, -0.1f, 0.2f, 0.1f));
    }

    @Test
    void metadataRoundTripIsExact() {
        BoxPolicy odd = new BoxPolicy(1.2345678f, -0.0712f, 0.013f, 0.271f, 0.0999f);
        Map<String, String> m = odd.toMetadata("x.");
        assertEquals(5, m.size());
        assertEquals(odd, BoxPolicy.fromMetadata(m, "x.", (mm, k) -> Float.parseFloat(mm.get(k))));
    }

    @Test
    void faceBoxBasics() {
        FaceBox b = FaceBox.ofPoints(new float[] {3, 4, 10, -2, 5, 8});
        assertEquals(new FaceBox(3, -2, 7, 10), b);
        assertEquals(6.5f, b.cx());
        assertEquals(3f, b.cy());
        assertEquals(1f, b.iou(b), 1e-6f);
        assertEquals(0f, b.iou(new FaceBox(100, 100, 5, 5)));
        // Half overlap: two 10x10 boxes sharing a 5x10 strip -> 50 / 150.
        assertEquals(50f / 150f, new FaceBox(0, 0, 10, 10).iou(new FaceBox(5, 0, 10, 10)), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> FaceBox.ofPoints(new float[] {1, 2, 3}));
    }

    @Test
    void detectorCalibrationMapsCentreAndSizeAndRoundTrips() {
        DetectorCalibration c = new DetectorCalibration("d", 0.1f, -0.2f, 0.9f, 1.1f);
        FaceBox est = c.toLandmarkBox(FaceBox.ofCentre(100, 100, 50, 40));
        assertEquals(105f, est.cx(), 1e-4f);
        assertEquals(92f, est.cy(), 1e-4f);
        assertEquals(45f, est.w(), 1e-4f);
        assertEquals(44f, est.h(), 1e-4f);
        assertEquals(c, DetectorCalibration.decode("d", c.encode()));
        assertThrows(IllegalArgumentException.class, () -> DetectorCalibration.decode("d", "1,2,3"));
    }
}
