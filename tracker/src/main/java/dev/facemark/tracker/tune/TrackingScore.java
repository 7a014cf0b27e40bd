package dev.facemark.tracker.tune;

import dev.facemark.tracker.smooth.SmoothingParams;

/**
 * How well the tracker holds a face through a {@link Recording}'s motion clips, as a user sees it
 * (smoothed output, every frame counted): the face is visible from the first frame to the last, so
 * every frame without an answer on it counts as missed.
 *
 * @param frames      frames of all clips
 * @param found       frames with an answer on the face (a tracked face within half a face of the truth)
 * @param held        found frames whose raw points are within {@link SmoothingReplay#FAILURE} of the truth
 *                    (the rest: the tracker was on the face but its points had slid off it)
 * @param nme         NME per segment kind (still, smooth, fast) over the found frames, drifted ones included
 * @param nmeHeld     the same over the held frames only
 * @param jitter      still-face jitter ({@link SmoothingReplay}'s definition), inter-ocular distances
 * @param fastFrames  frames in fast segments, and {@code fastFound} of them answered
 */
public record TrackingScore(String smoothing, int frames, int found, int held, double[] nme, double[] nmeHeld, double jitter,
                            int fastFrames, int fastFound) {

    public double foundShare() { return found / (double) frames; }
    public double heldShare() { return held / (double) frames; }
    public double fastFoundShare() { return fastFound / (double) fastFrames; }
    public double nme(MotionScript.Segment s) { return nme[s.ordinal()]; }
    public double nmeHeld(MotionScript.Segment s) { return nmeHeld[s.ordinal()]; }
    /** Fast-motion NME over still NME, all found frames. */
    public double fastOverStill() { return nme(MotionScript.Segment.FAST) / nme(MotionScript.Segment.STILL); }

    /** Scores the tracker's output with {@code smoothing} replayed over the recording's raw points. */
    public static TrackingScore of(Recording rec, SmoothingParams smoothing) {
        int kinds = MotionScript.Segment.values().length;
        double[] sum = new double[kinds], sumHeld = new double[kinds];
        int[] n = new int[kinds], nHeld = new int[kinds];
        int frames = 0, found = 0, held = 0, fastFrames = 0, fastFound = 0;
        double jitSum = 0;
        int jitFrames = 0;
        for (Recording.Clip c : rec.clips()) {
            float[][] out = SmoothingReplay.replay(c, c.raw(), smoothing);
            boolean[] ok = SmoothingReplay.tracked(c);
            frames += c.frames();
            for (int f = 0; f < c.frames(); f++) {
                boolean fast = c.segments()[f] == MotionScript.Segment.FAST;
                if (fast) fastFrames++;
                if (out[f] == null) continue;
                if (fast) fastFound++;
                found++;
                int k = c.segments()[f].ordinal();
                double e = SmoothingReplay.nme(out[f], c.truth()[f]);
                sum[k] += e;
                n[k]++;
                if (ok[f]) {
                    held++;
                    sumHeld[k] += e;
                    nHeld[k]++;
                }
            }
            double[] j = SmoothingReplay.jitter(c, out, ok);
            jitSum += j[0];
            jitFrames += (int) j[1];
        }
        double[] nme = new double[kinds], nmeHeld = new double[kinds];
        for (int k = 0; k < kinds; k++) {
            nme[k] = sum[k] / n[k];
            nmeHeld[k] = sumHeld[k] / nHeld[k];
        }
        return new TrackingScore(smoothing.spelling(), frames, found, held, nme, nmeHeld, jitSum / jitFrames, fastFrames, fastFound);
    }
}
