package dev.facemark.tracker.track;

import dev.facemark.core.geom.FaceBox;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DetectionMatcherTest {
    static final FaceBox LEFT = new FaceBox(50, 80, 100, 110), RIGHT = new FaceBox(300, 90, 90, 100);

    @Test
    void twoFacesKeepTheirTracksWhateverTheDetectionOrder() {
        List<FaceBox> tracks = List.of(LEFT, RIGHT);
        // Both moved a little; the detector lists them right first.
        List<FaceBox> dets = List.of(new FaceBox(310, 95, 92, 100), new FaceBox(40, 85, 100, 108));
        assertArrayEquals(new int[] {1, 0}, DetectionMatcher.match(tracks, dets, 0.6f));
    }

    @Test
    void aFarDetectionIsANewFaceAndATrackMatchesOnce() {
        List<FaceBox> tracks = List.of(LEFT);
        List<FaceBox> dets = List.of(new FaceBox(55, 80, 100, 110), new FaceBox(52, 82, 100, 110), new FaceBox(500, 300, 80, 80));
        int[] m = DetectionMatcher.match(tracks, dets, 0.6f);
        assertEquals(-1, m[0], "the closer second detection wins the track");
        assertEquals(0, m[1]);
        assertEquals(-1, m[2], "far away: a new face");
    }

    @Test
    void distanceIsInFaceSizes() {
        assertEquals(0.5f, DetectionMatcher.distance(new FaceBox(0, 0, 100, 100), new FaceBox(50, 0, 100, 100)), 1e-6f);
        assertEquals(0.5f, DetectionMatcher.distance(new FaceBox(0, 0, 10, 10), new FaceBox(5, 0, 10, 10)), 1e-6f);
        assertArrayEquals(new int[0], DetectionMatcher.match(List.of(LEFT), List.of(), 0.6f));
        assertArrayEquals(new int[] {-1}, DetectionMatcher.match(List.of(), List.of(LEFT), 0.6f));
    }
}
