package dev.facemark.tracker.output;

import dev.facemark.core.io.LandmarkRecord;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.TrackedFace;

import java.util.ArrayList;
import java.util.List;

/** Turns the tracker's {@link FrameResult} into core's plain {@link LandmarkRecord} for the landmark writers. */
public final class LandmarkRecords {
    private LandmarkRecords() {}

    public static LandmarkRecord of(FrameResult r) {
        List<LandmarkRecord.Face> faces = new ArrayList<>(r.faces().size());
        for (TrackedFace f : r.faces()) {
            float[] pose = f.pose() == null ? null : new float[] {f.pose().yaw(), f.pose().pitch(), f.pose().roll()};
            faces.add(new LandmarkRecord.Face(f.id(), f.box().toArray(), f.score(), f.landmarks(), pose, f.pointScores()));
        }
        return new LandmarkRecord(r.frame(), r.timeMs(), r.source(), faces);
    }
}
