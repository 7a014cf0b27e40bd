package dev.facemark.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OpenFaceCsvWriterTest {
    @TempDir Path tmp;

    static float[] points(int n, float x0, float y0) {
        float[] p = new float[2 * n];
        for (int i = 0; i < n; i++) { p[2 * i] = x0 + i; p[2 * i + 1] = y0 - i * 0.25f; }
        return p;
    }

    @Test
    void headerIsOpenFacesColumnsInOpenFacesOrder() {
        String h = OpenFaceCsvWriter.header(68);
        String[] c = h.split(",");
        assertEquals(5 + 6 + 136, c.length);
        assertEquals(List.of("frame", "face_id", "timestamp", "confidence", "success", "pose_Tx", "pose_Ty", "pose_Tz",
                "pose_Rx", "pose_Ry", "pose_Rz", "x_0", "x_1"), List.of(c).subList(0, 13));
        assertEquals("x_67", c[5 + 6 + 67]);
        assertEquals("y_0", c[5 + 6 + 68]);
        assertEquals("y_67", c[c.length - 1]);
        assertFalse(h.contains(" "), "no spaces after the commas");
    }

    @Test
    void rowsUseOpenFacesFrameIdTimeAndPrecisionConventions() throws Exception {
        Path f = tmp.resolve("of.csv");
        OpenFaceCsvWriter.Pose pose = new OpenFaceCsvWriter.Pose(12.34, -5.06, 612.25, 0.1234, -0.0004, 1.5);
        try (OpenFaceCsvWriter w = new OpenFaceCsvWriter(f, 68)) {
            w.write(0, 0.0, List.of(new OpenFaceCsvWriter.Face(1, 0.987f, points(68, 100.04f, 50.26f), pose)));
            w.write(1, 40.0, List.of());
            w.write(2, 80.4996, List.of(new OpenFaceCsvWriter.Face(1, 0.5f, points(68, 10, 20), null),
                    new OpenFaceCsvWriter.Face(3, 0.251f, points(68, -0.04f, 7), pose)));
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals(OpenFaceCsvWriter.header(68), lines.get(0));
        assertEquals(5, lines.size());
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) rows.add(l.split(",", -1));
        for (String[] r : rows) assertEquals(147, r.length);

        String[] a = rows.get(0);
        assertArrayEquals(new String[] {"1", "0", "0.000", "0.99", "1", "12.3", "-5.1", "612.3", "0.123", "0.000", "1.500", "100.0", "101.0"},
                java.util.Arrays.copyOf(a, 13), "frame 1-based, face_id 0-based, seconds, fixed decimals, no -0.000");
        assertEquals("50.3", a[5 + 6 + 68]);
        assertEquals("33.5", a[146], "y_67 = 50.26 - 67 * 0.25");

        String[] empty = rows.get(1);
        assertEquals(List.of("2", "0", "0.040", "0.00", "0"), List.of(empty).subList(0, 5), "a frame without faces: success 0");
        for (int i = 5; i < empty.length; i++) assertEquals(0.0, Double.parseDouble(empty[i]));

        assertEquals(List.of("3", "0", "0.080", "0.50", "1", "0.0", "0.0", "0.0", "0.000", "0.000", "0.000"),
                List.of(rows.get(2)).subList(0, 11), "no pose: zeros");
        assertEquals(List.of("3", "2", "0.080", "0.25", "1"), List.of(rows.get(3)).subList(0, 5));
        assertEquals("0.0", rows.get(3)[11], "-0.04 rounds to 0.0, not -0.0");
    }

    @Test
    void eulerAnglesFollowOpenFacesXyzConvention() {
        double a = 0.1, b = -0.2, c = 0.3;
        double[] rx = {1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)};
        double[] ry = {Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)};
        double[] rz = {Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c), 0, 0, 0, 1};
        double[] r = mul(mul(rx, ry), rz);
        OpenFaceCsvWriter.Pose p = OpenFaceCsvWriter.Pose.of(r, new double[] {1, 2, 3});
        assertEquals(a, p.rx(), 1e-12);
        assertEquals(b, p.ry(), 1e-12);
        assertEquals(c, p.rz(), 1e-12);
        assertEquals(3, p.tz());
        assertArrayEquals(r, p.rotation(), 1e-12);
        OpenFaceCsvWriter.Pose id = OpenFaceCsvWriter.Pose.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);
        assertEquals(0, id.rx() + id.ry() + id.rz(), 1e-15, "a frontal face is (0, 0, 0)");
        // Gimbal lock (yaw = 90 degrees): still a rotation that reproduces the matrix.
        double[] lock = mul(mul(rx, new double[] {0, 0, 1, 0, 1, 0, -1, 0, 0}), rz);
        assertArrayEquals(lock, OpenFaceCsvWriter.Pose.of(lock, new double[3]).rotation(), 1e-9);
    }

    @Test
    void writesToAStreamAndNamesItInErrors() {
        StringWriter s = new StringWriter();
        try (OpenFaceCsvWriter w = new OpenFaceCsvWriter(s, "hdfs:///out/a.csv", 5)) {
            w.write(4, 1000, List.of(new OpenFaceCsvWriter.Face(2, 1f, points(5, 1, 2), null)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.write(5, 1040, List.of(new OpenFaceCsvWriter.Face(2, 1f, points(6, 1, 2), null))));
            assertTrue(e.getMessage().contains("hdfs:///out/a.csv"), e.getMessage());
        }
        assertTrue(s.toString().startsWith(OpenFaceCsvWriter.header(5) + "\n5,1,1.000,1.00,1,"), s.toString());
    }

    @Test
    void unwritablePathIsOneLineNamingIt() {
        Path f = tmp.resolve("missing/of.csv");
        LandmarkFileException e = assertThrows(LandmarkFileException.class, () -> new OpenFaceCsvWriter(f, 68));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    static double[] mul(double[] x, double[] y) {
        double[] z = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) z[3 * i + j] += x[3 * i + k] * y[3 * k + j];
        return z;
    }
}
