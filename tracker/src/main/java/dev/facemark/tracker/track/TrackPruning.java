package dev.facemark.tracker.track;

import java.util.Iterator;
import java.util.List;

/**
 * The end of each frame for the track list: tracks lost too long (or never seen and already lost) go, and
 * tracks that became the same face (box IoU over the merge threshold) become one.
 */
final class TrackPruning {
    private TrackPruning() {}

    static void mergeAndDrop(List<Track> tracks, int maxLost, float mergeIoU) {
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (t.framesLost > maxLost || (!t.seen && t.framesLost > 0)) it.remove();
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int a = 0; a < tracks.size(); a++) {
                for (int b = a + 1; b < tracks.size(); b++) {
                    Track ta = tracks.get(a), tb = tracks.get(b);
                    if (ta.box.iou(tb.box) > mergeIoU) {
                        // Same face twice: keep the older id (tracks are in creation order) unless it is the lost one.
                        tracks.remove(ta.framesLost > 0 && tb.framesLost == 0 ? a : b);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
    }
}
