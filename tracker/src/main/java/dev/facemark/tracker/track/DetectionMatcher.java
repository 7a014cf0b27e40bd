package dev.facemark.tracker.track;

import dev.facemark.core.geom.FaceBox;

import java.util.Arrays;
import java.util.List;

/**
 * Assigns detections to existing tracks: greedily, closest pair first, where the distance between
 * box centres is measured in face sizes (the larger side of the two boxes), and pairs farther than
 * {@code maxDistance} never match. Each track and each detection is used at most once. Pure
 * geometry, so ids can be tested without images.
 */
public final class DetectionMatcher {
    private DetectionMatcher() {}

    /** @return for each detection the index of its track, or -1 for a new face */
    public static int[] match(List<FaceBox> tracks, List<FaceBox> detections, float maxDistance) {
        int nt = tracks.size(), nd = detections.size();
        int[] assigned = new int[nd];
        Arrays.fill(assigned, -1);
        if (nt == 0 || nd == 0) return assigned;
        float[] dist = new float[nt * nd];
        Integer[] order = new Integer[nt * nd];
        for (int t = 0; t < nt; t++) {
            for (int d = 0; d < nd; d++) {
                dist[t * nd + d] = distance(tracks.get(t), detections.get(d));
                order[t * nd + d] = t * nd + d;
            }
        }
        Arrays.sort(order, (a, b) -> Float.compare(dist[a], dist[b]));
        boolean[] trackUsed = new boolean[nt];
        for (int k : order) {
            if (dist[k] > maxDistance) break;
            int t = k / nd, d = k % nd;
            if (trackUsed[t] || assigned[d] >= 0) continue;
            trackUsed[t] = true;
            assigned[d] = t;
        }
        return assigned;
    }

    /** Centre distance in units of the larger face side. */
    public static float distance(FaceBox a, FaceBox b) {
        float size = Math.max(Math.max(a.w(), a.h()), Math.max(b.w(), b.h()));
        return (float) Math.hypot(a.cx() - b.cx(), a.cy() - b.cy()) / Math.max(size, 1e-3f);
    }
}
