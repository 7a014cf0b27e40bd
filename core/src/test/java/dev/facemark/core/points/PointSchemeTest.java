package dev.facemark.core.points;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class PointSchemeTest {
    private final PointScheme s = PointScheme.IBUG_68;

    @Test
    void mirrorIsAnInvolutivePermutation() {
        Set<Integer> images = new HashSet<>();
        for (int i = 0; i < 68; i++) {
            assertEquals(i, s.mirrorOf(s.mirrorOf(i)), "point " + i);
            images.add(s.mirrorOf(i));
        }
        assertEquals(68, images.size(), "mirror must be a permutation");
    }

    @Test
    void mirrorSwapsSidesAndKeepsTheMidline() {
        int[] eyes = s.outerEyeCorners();
        assertArrayEquals(new int[] {36, 45}, eyes);
        assertEquals(45, s.mirrorOf(36));
        assertEquals(36, s.mirrorOf(45));
        assertEquals(42, s.mirrorOf(39)); // inner eye corners
        assertEquals(16, s.mirrorOf(0));  // jaw ends
        assertEquals(8, s.mirrorOf(8));   // chin
        assertEquals(30, s.mirrorOf(30)); // nose tip
        assertEquals(54, s.mirrorOf(48)); // mouth corners
        assertEquals(57, s.mirrorOf(57));
        assertEquals(26, s.mirrorOf(17)); // brow ends
        // Every mirrored point lies in the mirrored group (right_eye <-> left_eye etc.).
        for (int i = 0; i < 68; i++) {
            String g = s.groupOf(i), m = s.groupOf(s.mirrorOf(i));
            assertEquals(g.replace("right", "X").replace("left", "right").replace("X", "left"), m, "point " + i);
        }
    }

    @Test
    void flippingARealFaceKeepsRightPointsOnTheImageLeft() {
        // A real 300-W face: subject's right (36, jaw 0) is on the image's left.
        java.nio.file.Path pts = dev.facemark.core.TestPaths.data().resolve("300w/afw/1051618982_1.pts");
        float[] f = dev.facemark.core.data.PtsFile.read(pts, 68);
        assertTrue(f[2 * 36] < f[2 * 45] && f[0] < f[2 * 16]);
        int w = 400;
        float[] flipped = new float[136];
        for (int i = 0; i < 68; i++) {
            int j = s.mirrorOf(i);
            flipped[2 * i] = w - 1 - f[2 * j];
            flipped[2 * i + 1] = f[2 * j + 1];
        }
        assertTrue(flipped[2 * 36] < flipped[2 * 45], "flipped right eye corner must be on the image left");
        assertTrue(flipped[0] < flipped[2 * 16], "flipped jaw start must be on the image left");
        assertTrue(flipped[2 * 48] < flipped[2 * 54], "flipped mouth corners keep their order");
        // The eye contours keep their order around the eye (37 is upper lid): same y as the source's 44.
        assertEquals(f[2 * 44 + 1], flipped[2 * 37 + 1]);
    }

    @Test
    void edgesFollowTheGroups() {
        int[] e = s.edges();
        assertEquals(0, e.length % 2);
        // Open runs: jaw 16, brows 4 + 4, nose bridge 3, nose base 4 = 31;
        // closed loops: eyes 6 + 6, outer lip 12, inner lip 8 = 32; total 63 edges.
        assertEquals(63, e.length / 2);
        for (int v : e) assertTrue(v >= 0 && v < 68);
        assertTrue(hasEdge(e, 41, 36), "right eye is closed");
        assertTrue(hasEdge(e, 59, 48), "outer lip is closed");
        assertFalse(hasEdge(e, 16, 17), "jaw and brow are separate");
        assertFalse(hasEdge(e, 16, 0), "jaw is open");
    }

    private static boolean hasEdge(int[] e, int a, int b) {
        for (int i = 0; i < e.length; i += 2) if ((e[i] == a && e[i + 1] == b) || (e[i] == b && e[i + 1] == a)) return true;
        return false;
    }

    @Test
    void groupsCoverEveryPointOnce() {
        int[] seen = new int[68];
        for (PointGroup g : s.groups()) for (int i : g.indices()) seen[i]++;
        for (int i = 0; i < 68; i++) assertEquals(1, seen[i], "point " + i);
        assertTrue(s.group("left_eye").isPresent());
        assertEquals("mouth", PointScheme.IMM_58.groupOf(45));
    }

    @Test
    void pupilsAreTheEyeContours() {
        int[][] p = s.pupilContours();
        assertArrayEquals(new int[] {36, 37, 38, 39, 40, 41}, p[0]);
        assertArrayEquals(new int[] {42, 43, 44, 45, 46, 47}, p[1]);
        p[0][0] = 99; // defensive copies
        assertEquals(36, s.pupilContours()[0][0]);
    }

    @Test
    void lookupByNameAndRefusals() {
        assertSame(s, PointScheme.byName("ibug68"));
        assertSame(PointScheme.IMM_58, PointScheme.byName("imm58"));
        assertEquals(58, PointScheme.IMM_58.count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PointScheme.byName("dlib5"));
        assertTrue(e.getMessage().contains("dlib5"));
        assertFalse(PointScheme.IMM_58.canMirror());
        assertThrows(UnsupportedOperationException.class, () -> PointScheme.IMM_58.mirrorOf(0));
        assertEquals(1, PointScheme.NOSE_TIP.count());
        assertEquals(0, PointScheme.NOSE_TIP.mirrorOf(0));
    }
}
