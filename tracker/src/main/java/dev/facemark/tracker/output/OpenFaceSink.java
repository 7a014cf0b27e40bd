package dev.facemark.tracker.output;

import dev.facemark.core.io.OpenFaceCsvWriter;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.face.TrackedFace;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each frame's result as OpenFace CSV rows ({@link OpenFaceCsvWriter}): a sink rather than a
 * {@code LandmarkWriter} because OpenFace's {@code pose_T*} columns need the head translation, which
 * the tracker's {@link FrameResult} has and the plain landmark record does not.
 */
public final class OpenFaceSink implements FrameSink {
    private final OpenFaceCsvWriter writer;

    public OpenFaceSink(Path file, int points) { this.writer = new OpenFaceCsvWriter(file, points); }

    public OpenFaceSink(OpenFaceCsvWriter writer) { this.writer = writer; }

    public Path path() { return writer.path(); }

    @Override
    public void accept(Mat annotatedBgr, FrameResult result) { write(writer, result); }

    /** Writes {@code r}'s faces, or OpenFace's failure row when it has none. */
    public static void write(OpenFaceCsvWriter w, FrameResult r) { w.write(r.frame(), r.timeMs(), faces(r)); }

    /** The tracker's faces in the writer's terms: pose from the estimator's rotation matrix and translation. */
    public static List<OpenFaceCsvWriter.Face> faces(FrameResult r) {
        List<OpenFaceCsvWriter.Face> out = new ArrayList<>(r.faces().size());
        for (TrackedFace f : r.faces()) {
            HeadPose p = f.pose();
            OpenFaceCsvWriter.Pose pose = p == null ? null : OpenFaceCsvWriter.Pose.of(p.rotation(), p.translation());
            out.add(new OpenFaceCsvWriter.Face(f.id(), f.score(), f.landmarks(), pose));
        }
        return out;
    }

    @Override
    public void close() { writer.close(); }
}
