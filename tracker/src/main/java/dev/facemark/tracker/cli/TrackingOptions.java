package dev.facemark.tracker.cli;

import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.smooth.SmoothingParams;
import dev.facemark.tracker.track.TrackerParams;
import picocli.CommandLine.Option;

/** How faces are followed from frame to frame: the options behind {@link TrackerParams}, shared by every tracking command. */
public final class TrackingOptions {
    @Option(names = "--no-smooth", description = "turn landmark smoothing off (raw points every frame)")
    boolean noSmooth;

    @Option(names = "--detect-every", paramLabel = "N", defaultValue = "10",
            description = "re-run the face detector at least every N frames to find new faces, 0 = only when a face is lost (default: ${DEFAULT-VALUE})")
    int detectEvery;

    @Option(names = "--max-faces", paramLabel = "N", defaultValue = "8", description = "most faces tracked at once (default: ${DEFAULT-VALUE})")
    int maxFaces;

    @Option(names = "--min-confidence", paramLabel = "C", defaultValue = "0.1",
            description = "a face whose confidence (the model's calibrated probability that the fit is good) falls below C is lost "
                    + "and detected again (default: ${DEFAULT-VALUE})")
    float minConfidence;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "0.03",
            description = "heatmap models without a confidence calibration: a face whose mean point score falls below S is lost (default: ${DEFAULT-VALUE})")
    float minScore;

    @Option(names = "--crop-lead", paramLabel = "F", defaultValue = "1",
            description = "part of the face's last move added to the next frame's crop, 0 = crop where the face was, "
                    + "1 = where it goes at constant speed; keeps fast-moving faces inside their crop (default: ${DEFAULT-VALUE})")
    float cropLead;

    @Option(names = "--crop-lead-knee", paramLabel = "M", defaultValue = "0.02", hidden = true,
            description = "move (face sizes per frame) at which the crop lead is half applied (default: ${DEFAULT-VALUE})")
    float cropLeadKnee;

    @Option(names = "--refine", paramLabel = "D", defaultValue = "0",
            description = "when the face found in a tracked crop is more than D crop widths off the crop's centre (a move the "
                    + "crop lead did not foresee), answer it again from a crop centred on it, in the same frame; 0 = never "
                    + "(default: ${DEFAULT-VALUE})")
    float refine;

    @Option(names = "--no-recover", description = "when a tracked face is lost, wait for the next frame's detection "
            + "(default: detect again in the same frame, so a fast move costs no frame)")
    boolean noRecover;

    @Option(names = "--no-pose", description = "skip head pose estimation")
    boolean noPose;

    @Option(names = "--sync-detection", description = "run the periodic face detection in line on the pipeline thread "
            + "(default: in the background while every face is tracked)")
    boolean syncDetection;

    public TrackerParams trackerParams() {
        if (detectEvery < 0) throw new UserError("--detect-every must be >= 0, got " + detectEvery);
        if (maxFaces < 1) throw new UserError("--max-faces must be >= 1, got " + maxFaces);
        if (!(cropLead >= 0 && cropLead <= 1.5f)) throw new UserError("--crop-lead must be between 0 and 1.5, got " + cropLead);
        if (!(refine >= 0)) throw new UserError("--refine must be >= 0 (0 = never), got " + refine);
        return TrackerParams.DEFAULT.withDetectEvery(detectEvery).withAsyncDetection(!syncDetection).withMinScore(minScore).withMinConfidence(minConfidence)
                .withMaxFaces(maxFaces).withPose(!noPose).withSmoothing(noSmooth ? SmoothingParams.OFF : SmoothingParams.DEFAULT)
                .withCropLead(cropLead).withCropLeadKnee(cropLeadKnee).withRecovery(!noRecover).withRefine(refine);
    }
}
