package dev.facemark.tracker.tune;

import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.smooth.SmoothingParams;
import dev.facemark.tracker.track.FaceTracker;
import dev.facemark.tracker.track.TrackerParams;

import java.util.function.IntConsumer;

/**
 * Runs the real tracker ({@link FaceTracker}: detector, crops from the previous frame's raw points,
 * the landmark model) over a {@link MotionClip}, with smoothing off, and records the raw points of
 * the face that matches the ground truth in every frame. As the tracker crops each next frame from
 * raw points, the smoother never changes what the model sees, so replaying smoothers over this
 * recording gives exactly what the tracker would output with them.
 */
public final class ClipRecorder {
    private ClipRecorder() {}

    /**
     * The tracker settings for recording: the defaults with smoothing and pose off (pose does not
     * change the points) and detection in line, so a recording does not depend on thread timing.
     */
    public static TrackerParams params(TrackerParams base) {
        return base.with(new TrackerParams.Outputs(false, false)).withSmoothing(SmoothingParams.OFF).withAsyncDetection(false);
    }

    /** Records one clip; {@code progress} hears every frame number. */
    public static Recording.Clip record(MotionClip clip, LandmarkModel model, FaceDetector detector, TrackerParams params, IntConsumer progress) {
        int n = clip.frames();
        MotionScript script = clip.script();
        MotionScript.Segment[] seg = new MotionScript.Segment[n];
        float[][] truth = new float[n][], raw = new float[n][];
        int[] ids = new int[n];
        try (FaceTracker tracker = new FaceTracker(model, detector, params(params), StageTimer.disabled())) {
            for (int f = 0; f < n; f++) {
                seg[f] = script.segment(f);
                truth[f] = clip.truth(f);
                FrameResult r = tracker.process(clip.frame(f), f, Recording.timeMs(f, script.fps()), clip.face().name());
                TrackedFace match = match(r, truth[f]);
                if (match != null) {
                    raw[f] = match.landmarks().clone();
                    ids[f] = match.id();
                }
                if (progress != null) progress.accept(f);
            }
        }
        return new Recording.Clip(clip.face().name(), script.fps(), seg, truth, raw, ids);
    }

    /** The tracked face whose box centre is nearest the truth's, within half the truth's size; else null. */
    static TrackedFace match(FrameResult r, float[] truth) {
        FaceBox t = FaceBox.ofPoints(truth);
        double size = Math.max(t.w(), t.h());
        TrackedFace best = null;
        double bestD = 0.5 * size;
        for (TrackedFace f : r.faces()) {
            double d = Math.hypot(f.box().cx() - t.cx(), f.box().cy() - t.cy());
            if (d < bestD) { bestD = d; best = f; }
        }
        return best;
    }
}
