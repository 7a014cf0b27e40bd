package dev.facemark.trainer.augment;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchTest {
    @Test
    void patchesHaveTheAreaAndAspectAskedAndStayInsideTheRegion() {
        SplittableRandom rng = new SplittableRandom(3);
        double minAspect = Double.MAX_VALUE, maxAspect = 0, minX = Double.MAX_VALUE, maxRight = 0;
        for (int i = 0; i < 2000; i++) {
            double area = 0.2 * 80 * 60;
            Patch p = Patch.inside(10, 20, 80, 60, area, rng);
            assertEquals(area, p.w() * p.h(), 1e-9, "area unless cut to the region");
            assertTrue(p.x() >= 10 && p.y() >= 20 && p.x() + p.w() <= 90 + 1e-9 && p.y() + p.h() <= 80 + 1e-9, p.toString());
            double aspect = p.w() / p.h();
            minAspect = Math.min(minAspect, aspect);
            maxAspect = Math.max(maxAspect, aspect);
            minX = Math.min(minX, p.x());
            maxRight = Math.max(maxRight, p.x() + p.w());
        }
        assertTrue(minAspect >= 0.5 - 1e-9 && minAspect < 0.55, "aspect reaches 1:2, got " + minAspect);
        assertTrue(maxAspect <= 2 + 1e-9 && maxAspect > 1.9, "aspect reaches 2:1, got " + maxAspect);
        assertTrue(minX < 11 && maxRight > 89, "patches reach both edges: " + minX + ", " + maxRight);
    }

    @Test
    void aPatchLargerThanTheRegionIsCutToIt() {
        Patch p = Patch.inside(0, 0, 10, 10, 400, new SplittableRandom(1));
        assertTrue(p.w() <= 10 && p.h() <= 10, p.toString());
        assertEquals(0, p.x(), 1e-9);
    }

    @Test
    void theSameStreamGivesTheSamePatch() {
        assertEquals(Patch.inside(0, 0, 50, 50, 300, new SplittableRandom(7)), Patch.inside(0, 0, 50, 50, 300, new SplittableRandom(7)));
    }
}
