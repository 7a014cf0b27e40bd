package dev.facemark.core.io;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Tracker output in the CSV layout of OpenFace 2.2's {@code FeatureExtraction} and
 * {@code FaceLandmarkVidMulti}, restricted to the columns this tracker computes, in OpenFace's order:
 * <pre>frame,face_id,timestamp,confidence,success,pose_Tx,pose_Ty,pose_Tz,pose_Rx,pose_Ry,pose_Rz,x_0,...,x_67,y_0,...,y_67</pre>
 * (no gaze, 3D landmark, shape parameter or action unit columns). Scripts that select these
 * columns by name from an OpenFace file read this one unchanged.
 *
 * <p>OpenFace's conventions, which this writer converts to from the tracker's:
 * <ul>
 *   <li>{@code frame}: 1-based (the tracker's 0-based frame index + 1);</li>
 *   <li>{@code face_id}: 0-based (the tracker's track id - 1, so the first face tracked is 0, as in
 *       {@code FeatureExtraction}); stable while a face is tracked;</li>
 *   <li>{@code timestamp}: the frame's media time in seconds, 3 decimals (the first frame is 0.000);</li>
 *   <li>{@code confidence}: the face's score in [0, 1], 2 decimals; {@code success}: 1 for a tracked face;</li>
 *   <li>{@code pose_Tx, pose_Ty, pose_Tz}: the head's position in millimetres in camera coordinates
 *       (x right, y down, z away from the camera), 1 decimal;</li>
 *   <li>{@code pose_Rx, pose_Ry, pose_Rz}: the head's rotation in radians as Euler angles with
 *       R = Rx * Ry * Rz (pitch, yaw, roll), in the same camera axes, 3 decimals;</li>
 *   <li>{@code x_i, y_i}: landmark i in pixels of the source frame, 0-based with the centre of the
 *       top-left pixel at (0, 0), 1 decimal.</li>
 * </ul>
 * A frame without faces is one row with {@code face_id} 0, {@code success} 0 and every other value 0,
 * as {@code FeatureExtraction} writes a frame where tracking failed; a face without a pose estimate
 * has 0 in the six pose columns. Fixed-point numbers with a full stop, comma-separated without
 * spaces, "\n" line ends, one header line. Each frame is flushed when written.
 */
public final class OpenFaceCsvWriter implements AutoCloseable {
    /** The five columns every row starts with. */
    public static final String LEADING_COLUMNS = "frame,face_id,timestamp,confidence,success";
    public static final String POSE_COLUMNS = "pose_Tx,pose_Ty,pose_Tz,pose_Rx,pose_Ry,pose_Rz";

    /**
     * Head pose in OpenFace's units: translation in millimetres, Euler angles in radians with
     * R = Rx(rx) * Ry(ry) * Rz(rz), both in camera coordinates (x right, y down, z forward).
     */
    public record Pose(double tx, double ty, double tz, double rx, double ry, double rz) {
        /**
         * @param rotation    row-major 3x3 camera-from-head rotation
         * @param translation the head origin in camera coordinates, millimetres
         */
        public static Pose of(double[] rotation, double[] translation) {
            if (rotation.length != 9 || translation.length != 3) throw new IllegalArgumentException("need a 3x3 rotation and a 3-vector");
            // R = Rx(a) Ry(b) Rz(c): R02 = sin b, R12 = -sin a cos b, R22 = cos a cos b, R01 = -cos b sin c, R00 = cos b cos c.
            double sb = Math.max(-1, Math.min(1, rotation[2]));
            double a, b = Math.asin(sb), c;
            if (Math.abs(sb) < 1 - 1e-9) {
                a = Math.atan2(-rotation[5], rotation[8]);
                c = Math.atan2(-rotation[1], rotation[0]);
            } else { // gimbal lock: only a +/- c is defined; put it all in a
                a = Math.atan2(rotation[7], rotation[4]);
                c = 0;
            }
            return new Pose(translation[0], translation[1], translation[2], a, b, c);
        }

        /** The rotation matrix these angles stand for (row-major), R = Rx * Ry * Rz. */
        public double[] rotation() {
            double ca = Math.cos(rx), sa = Math.sin(rx), cb = Math.cos(ry), sb = Math.sin(ry), cc = Math.cos(rz), sc = Math.sin(rz);
            return new double[] {
                    cb * cc, -cb * sc, sb,
                    ca * sc + sa * sb * cc, ca * cc - sa * sb * sc, -sa * cb,
                    sa * sc - ca * sb * cc, sa * cc + ca * sb * sc, ca * cb};
        }
    }

    /**
     * One tracked face, in the tracker's conventions.
     *
     * @param trackId   the tracker's id (1-based; written as {@code face_id = trackId - 1})
     * @param score     face confidence in [0, 1]
     * @param landmarks interleaved {x0, y0, ...}, source pixels
     * @param pose      head pose, or null when not estimated
     */
    public record Face(int trackId, float score, float[] landmarks, Pose pose) {
        public Face {
            Objects.requireNonNull(landmarks, "landmarks");
            if (landmarks.length % 2 != 0) throw new IllegalArgumentException("landmarks need interleaved x,y pairs");
        }
    }

    private final String name;
    private final Path path;
    private final int points;
    private final LineFile out;
    private final StringBuilder row = new StringBuilder(4096);

    /** Creates (or truncates) {@code path}; a one-line {@link LandmarkFileException} names it when that fails. */
    public OpenFaceCsvWriter(Path path, int points) {
        this(LandmarkWriter.openFile(path), path.toString(), path, points);
    }

    /** Writes to {@code out} (closed with this writer); {@code name} names it in error messages. */
    public OpenFaceCsvWriter(Writer out, String name, int points) {
        this(out, name, null, points);
    }

    private OpenFaceCsvWriter(Writer out, String name, Path path, int points) {
        if (points <= 0) throw new IllegalArgumentException("points must be > 0");
        this.out = new LineFile(out, path, name);
        this.name = name;
        this.path = path;
        this.points = points;
        row.append(header(points));
        emit();
    }

    /** The header line (without line end) for {@code points} landmarks. */
    public static String header(int points) {
        StringBuilder h = new StringBuilder(LEADING_COLUMNS).append(',').append(POSE_COLUMNS);
        for (int i = 0; i < points; i++) h.append(",x_").append(i);
        for (int i = 0; i < points; i++) h.append(",y_").append(i);
        return h.toString();
    }

    /** The file written, or null when writing to a stream. */
    public Path path() { return path; }

    /**
     * Writes one frame: a row per face, or one failure row when {@code faces} is empty.
     *
     * @param frame  the tracker's 0-based frame index
     * @param timeMs the frame's media time in milliseconds
     */
    public void write(long frame, double timeMs, List<Face> faces) {
        if (faces.isEmpty()) {
            row.append(frame + 1).append(",0,");
            fixed(timeMs / 1000.0, 3);
            row.append(",0.00,0,0.0,0.0,0.0,0.000,0.000,0.000");
            for (int i = 0; i < 2 * points; i++) row.append(",0.0");
            row.append('\n');
        }
        for (Face f : faces) {
            if (f.landmarks().length != 2 * points) {
                throw new IllegalArgumentException("face " + f.trackId() + " in frame " + frame + " has " + f.landmarks().length / 2
                        + " points; " + name + " was opened for " + points);
            }
            row.append(frame + 1).append(',').append(f.trackId() - 1).append(',');
            fixed(timeMs / 1000.0, 3);
            row.append(',');
            fixed(f.score(), 2);
            row.append(",1");
            Pose p = f.pose();
            if (p == null) {
                row.append(",0.0,0.0,0.0,0.000,0.000,0.000");
            } else {
                row.append(','); fixed(p.tx(), 1); row.append(','); fixed(p.ty(), 1); row.append(','); fixed(p.tz(), 1);
                row.append(','); fixed(p.rx(), 3); row.append(','); fixed(p.ry(), 3); row.append(','); fixed(p.rz(), 3);
            }
            float[] l = f.landmarks();
            for (int i = 0; i < points; i++) { row.append(','); fixed(l[2 * i], 1); }
            for (int i = 0; i < points; i++) { row.append(','); fixed(l[2 * i + 1], 1); }
            row.append('\n');
        }
        row.setLength(row.length() - 1);
        emit();
    }

    /** {@code v} with exactly {@code decimals} decimals, rounded half away from zero; empty (a missing value) when not finite. */
    private void fixed(double v, int decimals) {
        if (!Double.isFinite(v)) return;
        long scale = decimals == 1 ? 10 : decimals == 2 ? 100 : decimals == 3 ? 1000 : 1;
        long m = Math.round(Math.abs(v) * scale);
        if (m != 0 && v < 0) row.append('-');
        row.append(m / scale);
        if (decimals > 0) {
            row.append('.');
            String frac = Long.toString(m % scale);
            for (int i = frac.length(); i < decimals; i++) row.append('0');
            row.append(frac);
        }
    }

    private void emit() { out.writeRow(row); }

    @Override
    public void close() { out.close(); }
}
