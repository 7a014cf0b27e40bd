package dev.facemark.tracker.app;

import java.util.Locale;
import java.util.Set;

/** What a run did: frames, frames with at least one face, the ids seen, wall time. */
public record RunSummary(long frames, long framesWithFace, Set<Integer> ids, long detectionRuns, double seconds) {
    public double fps() { return seconds > 0 ? frames / seconds : 0; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d frames, face in %d (%.1f%%), %d face id(s), detector ran on %d frames, %.2f s, %.0f frames/s",
                frames, framesWithFace, frames == 0 ? 0.0 : 100.0 * framesWithFace / frames, ids.size(), detectionRuns, seconds, fps());
    }
}
