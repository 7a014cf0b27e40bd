package dev.facemark.tracker.face;

import java.util.List;

/** The tracker's answer for one frame. {@code timeMs} is the frame's media time (0 for the first frame). */
public record FrameResult(long frame, double timeMs, int width, int height, List<TrackedFace> faces, String source) {
    public FrameResult {
        faces = List.copyOf(faces);
    }
}
