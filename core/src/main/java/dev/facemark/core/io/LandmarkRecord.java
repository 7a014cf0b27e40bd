package dev.facemark.core.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One frame of tracker output as written to landmark files: plain values, so that core does not
 * depend on the tracker's own face types.
 *
 * @param frame  0-based frame index
 * @param timeMs presentation time of the frame in milliseconds
 * @param source where the frame came from (a file or camera name), or null
 * @param faces  the faces found in the frame (may be empty)
 */
public record LandmarkRecord(long frame, double timeMs, String source, List<Face> faces) {

    public LandmarkRecord {
        faces = List.copyOf(faces);
    }

    public LandmarkRecord(long frame, double timeMs, List<Face> faces) { this(frame, timeMs, null, faces); }

    /**
     * One face in a frame.
     *
     * @param id          track id, stable across frames while the face is tracked
     * @param box         {x, y, w, h} in source pixels, or null
     * @param score       confidence in [0, 1]
     * @param landmarks   interleaved {x0, y0, ...} in source pixels (0-based pixel centres)
     * @param pose        {yaw, pitch, roll} in degrees, or null
     * @param pointScores per-point confidence, or null
     */
    public record Face(int id, float[] box, float score, float[] landmarks, float[] pose, float[] pointScores) {
        public Face {
            Objects.requireNonNull(landmarks, "landmarks");
            if (landmarks.length % 2 != 0) throw new IllegalArgumentException("landmarks need interleaved x,y pairs");
            if (box != null && box.length != 4) throw new IllegalArgumentException("box needs 4 values {x, y, w, h}");
            if (pose != null && pose.length != 3) throw new IllegalArgumentException("pose needs 3 values {yaw, pitch, roll}");
            if (pointScores != null && pointScores.length != landmarks.length / 2) {
                throw new IllegalArgumentException("need one point score per landmark");
            }
        }

        public int points() { return landmarks.length / 2; }

        @Override public boolean equals(Object o) {
            return o instanceof Face f && f.id == id && Float.compare(f.score, score) == 0 && Arrays.equals(f.box, box)
                    && Arrays.equals(f.landmarks, landmarks) && Arrays.equals(f.pose, pose) && Arrays.equals(f.pointScores, pointScores);
        }

        @Override public int hashCode() {
            return Objects.hash(id, score, Arrays.hashCode(box), Arrays.hashCode(landmarks), Arrays.hashCode(pose), Arrays.hashCode(pointScores));
        }

        @Override public String toString() {
            return "Face[id=" + id + ", score=" + score + ", " + points() + " points]";
        }
    }
}
