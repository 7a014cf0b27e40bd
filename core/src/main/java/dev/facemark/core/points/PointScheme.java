package dev.facemark.core.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A landmark point scheme: how many points, their named groups, how they are drawn, how they map
 * under a horizontal mirror, and which points normalise errors.
 *
 * <p>Points are stored interleaved everywhere in this project: {@code float[] {x0, y0, x1, y1, ...}}.
 */
public final class PointScheme {
    private final String name;
    private final int count;
    private final List<PointGroup> groups;
    private final int[] mirror;
    private final int[] outerEyeCorners;
    private final int[][] pupils;

    private PointScheme(String name, int count, List<PointGroup> groups, int[] mirror,
                        int[] outerEyeCorners, int[][] pupils) {
        this.name = name;
        this.count = count;
        this.groups = List.copyOf(groups);
        this.mirror = mirror;
        this.outerEyeCorners = outerEyeCorners;
        this.pupils = pupils;
        checkPermutation();
    }

    /** iBUG / 300-W 68 points, 0-based: 0-16 jaw, 17-21 right brow, 22-26 left brow, 27-35 nose, 36-47 eyes, 48-67 mouth. */
    public static final PointScheme IBUG_68 = ibug68();
    /** A single point: the nose tip (iBUG point 30), the seed study's first task. */
    public static final PointScheme NOSE_TIP = new PointScheme("nose-tip", 1,
            List.of(new PointGroup("nose", new int[] {0}, false)), new int[] {0}, null, null);
    /** IMM 58 points (Stegmann's IMM face database), the seed study's first dataset. */
    public static final PointScheme IMM_58 = imm58();

    private static final Map<String, PointScheme> BY_NAME =
            Map.of(IBUG_68.name, IBUG_68, NOSE_TIP.name, NOSE_TIP, IMM_58.name, IMM_58);

    public static PointScheme byName(String name) {
        PointScheme s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown point scheme " + dev.facemark.core.Snippet.quote(name) + "; known: " + BY_NAME.keySet());
        }
        return s;
    }

    private static PointScheme ibug68() {
        List<PointGroup> g = new ArrayList<>();
        g.add(PointGroup.range("jaw", 0, 16, false));
        g.add(PointGroup.range("right_brow", 17, 21, false));
        g.add(PointGroup.range("left_brow", 22, 26, false));
        g.add(PointGroup.range("nose_bridge", 27, 30, false));
        g.add(PointGroup.range("nose_base", 31, 35, false));
        g.add(PointGroup.range("right_eye", 36, 41, true));
        g.add(PointGroup.range("left_eye", 42, 47, true));
        g.add(PointGroup.range("outer_lip", 48, 59, true));
        g.add(PointGroup.range("inner_lip", 60, 67, true));
        int[] m = new int[68];
        for (int i = 0; i <= 16; i++) m[i] = 16 - i;
        for (int i = 17; i <= 26; i++) m[i] = 43 - i;
        for (int i = 27; i <= 30; i++) m[i] = i;
        for (int i = 31; i <= 35; i++) m[i] = 66 - i;
        int[][] eye = {{36, 45}, {37, 44}, {38, 43}, {39, 42}, {40, 47}, {41, 46}};
        for (int[] p : eye) { m[p[0]] = p[1]; m[p[1]] = p[0]; }
        for (int i = 48; i <= 54; i++) m[i] = 102 - i;
        int[][] lowerOuter = {{55, 59}, {56, 58}, {57, 57}};
        for (int[] p : lowerOuter) { m[p[0]] = p[1]; m[p[1]] = p[0]; }
        for (int i = 60; i <= 64; i++) m[i] = 124 - i;
        int[][] lowerInner = {{65, 67}, {66, 66}};
        for (int[] p : lowerInner) { m[p[0]] = p[1]; m[p[1]] = p[0]; }
        int[][] pupils = {{36, 37, 38, 39, 40, 41}, {42, 43, 44, 45, 46, 47}};
        return new PointScheme("ibug68", 68, g, m, new int[] {36, 45}, pupils);
    }

    private static PointScheme imm58() {
        // Group layout of the IMM .asf files; the reader also takes topology from each file's path columns.
        List<PointGroup> g = new ArrayList<>();
        g.add(PointGroup.range("jaw", 0, 12, false));
        g.add(PointGroup.range("right_brow", 13, 20, true));
        g.add(PointGroup.range("left_brow", 21, 28, true));
        g.add(PointGroup.range("right_eye", 29, 36, true));
        g.add(PointGroup.range("left_eye", 37, 44, true));
        g.add(PointGroup.range("mouth", 45, 52, true));
        g.add(PointGroup.range("nose", 53, 57, false));
        // No verified left/right table for IMM: mirroring is refused rather than guessed.
        return new PointScheme("imm58", 58, g, null, null, null);
    }

    public String name() { return name; }
    public int count() { return count; }
    public List<PointGroup> groups() { return groups; }

    public Optional<PointGroup> group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /** True when this scheme has a verified left/right permutation. */
    public boolean canMirror() { return mirror != null; }

    /** Index of the point that {@code i} becomes after a horizontal flip. */
    public int mirrorOf(int i) {
        if (mirror == null) throw new UnsupportedOperationException("scheme " + name + " has no mirror permutation");
        return mirror[i];
    }

    /** Outer eye corners {right, left} used for inter-ocular normalisation, or null. */
    public int[] outerEyeCorners() { return outerEyeCorners == null ? null : outerEyeCorners.clone(); }

    /** The eye contour points whose means approximate the pupils {right eye, left eye}, or null. */
    public int[][] pupilContours() { return pupils == null ? null : new int[][] {pupils[0].clone(), pupils[1].clone()}; }

    /** Drawing topology as pairs of point indices {a0, b0, a1, b1, ...}. */
    public int[] edges() {
        List<Integer> e = new ArrayList<>();
        for (PointGroup grp : groups) {
            int[] idx = grp.indices();
            for (int i = 0; i + 1 < idx.length; i++) { e.add(idx[i]); e.add(idx[i + 1]); }
            if (grp.closed() && idx.length > 2) { e.add(idx[idx.length - 1]); e.add(idx[0]); }
        }
        return e.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Name of the group that contains point {@code i}. */
    public String groupOf(int i) {
        for (PointGroup grp : groups) if (grp.contains(i)) return grp.name();
        throw new IndexOutOfBoundsException("point " + i + " not in scheme " + name);
    }

    private void checkPermutation() {
        if (mirror == null) return;
        if (mirror.length != count) throw new IllegalStateException("mirror table size");
        for (int i = 0; i < count; i++) {
            if (mirror[mirror[i]] != i) throw new IllegalStateException("mirror not an involution at " + i);
        }
    }

    @Override
    public String toString() { return name + "(" + count + ")"; }
}
