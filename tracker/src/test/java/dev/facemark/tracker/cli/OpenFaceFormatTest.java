package dev.facemark.tracker.cli;

import dev.facemark.core.io.LandmarkReader;
import dev.facemark.core.io.LandmarkRecord;
import dev.facemark.core.io.OpenFaceCsvWriter;
import dev.facemark.tracker.CliRun;
import dev.facemark.tracker.Models;
import dev.facemark.tracker.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code tracker video --landmarks out.csv --format openface}: OpenFace's header, and the same faces as the JSONL of the same run. */
class OpenFaceFormatTest {
    @TempDir Path tmp;

    @Test
    void openFaceCsvHasOpenFacesHeaderAndAgreesWithTheJsonl() throws Exception {
        Path model = Models.fastOrFixture(tmp);
        Path csv = tmp.resolve("of.csv"), jsonl = tmp.resolve("o.jsonl");
        String[] common = {"video", "--input", TestFiles.video().toString(), "--model", model.toString(), "--frames", "40",
                "--sync-detection", "--no-progress"};
        CliRun a = CliRun.of(concat(common, "--landmarks", csv.toString(), "--format", "openface"));
        assertEquals(0, a.code(), a.err());
        CliRun b = CliRun.of(concat(common, "--landmarks", jsonl.toString()));
        assertEquals(0, b.code(), b.err());

        List<String> lines = Files.readAllLines(csv);
        assertEquals(OpenFaceCsvWriter.header(68), lines.get(0));
        List<String> header = List.of(lines.get(0).split(","));
        List<LandmarkRecord> frames = LandmarkReader.read(jsonl);
        assertEquals(40, frames.size());

        // Plain CSV parsing, by column name as an OpenFace script would.
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] r = l.split(",", -1);
            assertEquals(header.size(), r.length, l);
            rows.add(r);
        }
        int frame = header.indexOf("frame"), faceId = header.indexOf("face_id"), ts = header.indexOf("timestamp"),
                success = header.indexOf("success"), x30 = header.indexOf("x_30"), y30 = header.indexOf("y_30"),
                rx = header.indexOf("pose_Rx"), ry = header.indexOf("pose_Ry"), rz = header.indexOf("pose_Rz"), tz = header.indexOf("pose_Tz");
        int k = 0;
        for (LandmarkRecord f : frames) {
            int n = Math.max(1, f.faces().size());
            for (int j = 0; j < n; j++, k++) {
                String[] r = rows.get(k);
                assertEquals(f.frame() + 1, Long.parseLong(r[frame]), "1-based frames");
                assertEquals(f.timeMs() / 1000, Double.parseDouble(r[ts]), 0.0005, "seconds");
                if (f.faces().isEmpty()) {
                    assertEquals("0", r[success]);
                    continue;
                }
                LandmarkRecord.Face face = f.faces().get(j);
                assertEquals("1", r[success]);
                assertEquals(face.id() - 1, Integer.parseInt(r[faceId]));
                assertEquals(face.landmarks()[60], Double.parseDouble(r[x30]), 0.0501);
                assertEquals(face.landmarks()[61], Double.parseDouble(r[y30]), 0.0501);
                // JSONL angles are degrees of R = Rz(roll) Ry(yaw) Rx(pitch); OpenFace's are radians of R = Rx Ry Rz: same matrix.
                float[] p = face.pose();
                OpenFaceCsvWriter.Pose expect = OpenFaceCsvWriter.Pose.of(zyx(p[2], p[0], p[1]), new double[3]);
                assertEquals(expect.rx(), Double.parseDouble(r[rx]), 0.0006);
                assertEquals(expect.ry(), Double.parseDouble(r[ry]), 0.0006);
                assertEquals(expect.rz(), Double.parseDouble(r[rz]), 0.0006);
                assertTrue(Double.parseDouble(r[tz]) > 100, "head in front of the camera, millimetres: " + r[tz]);
            }
        }
        assertEquals(rows.size(), k, "one row per face per frame, one per empty frame");
        assertTrue(frames.stream().anyMatch(f -> !f.faces().isEmpty()));
    }

    @Test
    void formatWithoutALandmarkFileIsOneLine() {
        CliRun r = CliRun.of("video", "--input", TestFiles.video().toString(), "--model", Models.fixture(tmp).toString(),
                "--format", "openface", "--frames", "2", "--no-progress");
        assertEquals(1, r.code());
        assertTrue(r.err().strip().equals("tracker: --format openface needs --landmarks OUT: the file to write"), r.err());
        CliRun bad = CliRun.of("video", "--input", TestFiles.video().toString(), "--format", "xml");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("jsonl, csv, openface"), bad.err());
    }

    /** Row-major R = Rz(roll) * Ry(yaw) * Rx(pitch), angles in degrees (the tracker's HeadPose convention). */
    static double[] zyx(double rollDeg, double yawDeg, double pitchDeg) {
        double c = Math.toRadians(rollDeg), b = Math.toRadians(yawDeg), a = Math.toRadians(pitchDeg);
        double[] rz = {Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c), 0, 0, 0, 1};
        double[] ry = {Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)};
        double[] rx = {1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)};
        return mul(mul(rz, ry), rx);
    }

    static double[] mul(double[] x, double[] y) {
        double[] z = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) z[3 * i + j] += x[3 * i + k] * y[3 * k + j];
        return z;
    }

    static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
