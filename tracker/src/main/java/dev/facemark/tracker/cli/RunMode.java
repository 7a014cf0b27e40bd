package dev.facemark.tracker.cli;

/**
 * How a {@link Session} walks its frames.
 *
 * @param progress  draw a progress bar on stderr
 * @param maxFrames stop after this many frames (0 = the end of the source)
 * @param stills    unrelated still images: forget faces between frames, and run a second pass on each
 *                  image from the first pass's landmarks (a tracking crop is better than a detector crop)
 */
record RunMode(boolean progress, long maxFrames, boolean stills) {
    /** Unrelated images, each on its own, no progress bar. */
    static RunMode images() { return new RunMode(false, 0, true); }

    /** Consecutive frames of a video, camera or stream, tracked from one to the next. */
    static RunMode frames(boolean progress, long maxFrames) { return new RunMode(progress, maxFrames, false); }
}
