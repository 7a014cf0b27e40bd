package dev.facemark.tracker.track;

import dev.facemark.tracker.smooth.SmoothingParams;

import java.io.Serializable;

/**
 * How the tracker decides when to detect, where to crop, when a face is lost and what it reports.
 * Grouped by the stage each knob belongs to, so a caller changes one group without restating the rest.
 * Serializable, as the batch job ships them to its executors.
 *
 * @param detection when the detector runs and how its boxes meet the tracks
 * @param loss      when a tracked face counts as lost, and what happens then
 * @param cropping  how the next frame's crop follows the face
 * @param outputs   what each frame's result carries besides the points
 * @param smoothing the landmark smoother (its own unit: {@code smooth.LandmarkSmoother})
 * @param maxFaces  most faces tracked at once
 * @param mergeIoU  two tracks overlapping more than this are the same face: the younger one goes
 */
public record TrackerParams(Detection detection, Loss loss, Cropping cropping, Outputs outputs, SmoothingParams smoothing,
                            int maxFaces, float mergeIoU) implements Serializable {

    /**
     * @param every         run the detector at least every N frames to pick up new faces (0 = only when needed)
     * @param async         while every face is tracked, run the periodic detection on a background thread and
     *                      apply its boxes a frame or more later, off the pipeline's critical path (detection
     *                      that is needed - no faces, a face lost - always runs in line)
     * @param matchDistance a detection belongs to a track when their centres are closer than this times the face size
     * @param reseedIoU     a matched detection re-seeds the track's crop when the track's box overlaps it less than this
     */
    public record Detection(int every, boolean async, float matchDistance, float reseedIoU) implements Serializable {
        public Detection {
            if (every < 0) throw new IllegalArgumentException("detection every N frames: N must be >= 0, got " + every);
        }
    }

    /**
     * @param maxLost   drop a track after this many frames without a valid answer
     * @param minScore  mean per-point confidence (heatmap peak mass) below which a heatmap model's face counts
     *                  as lost. A flat 28x28 map scores 9/784 = 0.011 and a Gaussian blob of sigma 5 px
     *                  about 0.06; soft-argmax models trained on coordinates alone can have broad maps, so
     *                  the default, 0.03, only rejects maps that are close to flat (an untrained model's
     *                  score 0.016). Calibrate it on a trained model's faces and non-faces.
     * @param minConfidence models with a calibrated confidence (the probability that the fit is good, see
     *                  {@code Predictions.confidence}): a face below it is lost, which is what catches a crop
     *                  left on the background; {@code minScore} is for uncalibrated heatmap models
     * @param maxMisses regressors give no confidence: drop a track the detector failed to confirm this many detection rounds in a row
     * @param recover   when a tracked face is lost, detect in the same frame and answer from the new crop, so a
     *                  fast move costs no frame (off: the face is missing until the next frame's detection)
     */
    public record Loss(int maxLost, float minScore, float minConfidence, int maxMisses, boolean recover) implements Serializable {
        public Loss {
            if (maxLost < 0 || maxMisses < 1) throw new IllegalArgumentException("bad loss parameters: maxLost " + maxLost + ", maxMisses " + maxMisses);
        }
    }

    /**
     * @param derotate crop along the eye line (undo head roll) when tracking
     * @param lead     part of the face's last frame-to-frame move added to the next crop (0 = crop where the face
     *                 was, 1 = where it would be at constant velocity): keeps a fast-moving face inside its crop
     * @param leadKnee the move, in face sizes per frame, at which the lead is half applied: a move m gets
     *                 {@code lead * m^2 / (m^2 + knee^2)}, so the noise of a still face's points (well under the
     *                 knee) does not shake its crop, while a fast move (tens of times the knee) is led in full
     * @param refine   when the face found in a tracked crop sits further than this (in crop widths) from where a
     *                 crop cut around its points would be, answer it again in the same frame from that centred crop
     *                 (0 = never): a move the lead did not foresee (a start, a stop, a turn) otherwise costs accuracy
     *                 for a frame. Still and steadily moving faces sit where they were expected, so it costs nothing there
     */
    public record Cropping(boolean derotate, float lead, float leadKnee, float refine) implements Serializable {
        public Cropping {
            if (!(lead >= 0 && lead <= 1.5f)) throw new IllegalArgumentException("crop lead must be in [0, 1.5], got " + lead);
            if (!(leadKnee >= 0)) throw new IllegalArgumentException("crop lead knee must be >= 0, got " + leadKnee);
            if (!(refine >= 0)) throw new IllegalArgumentException("crop refine offset must be >= 0, got " + refine);
        }

        /** The lead applied to a move of {@code move} face sizes per frame. */
        public float leadFor(float move) {
            float m2 = move * move;
            return m2 == 0 ? 0 : lead * m2 / (m2 + leadKnee * leadKnee);
        }
    }

    /**
     * @param pose         estimate head pose
     * @param keepHeatmaps copy heatmaps into the results (for renderers; costs a copy per face)
     */
    public record Outputs(boolean pose, boolean keepHeatmaps) implements Serializable { }

    public static final TrackerParams DEFAULT = new TrackerParams(
            new Detection(10, false, 0.6f, 0.5f),
            new Loss(5, 0.03f, 0.1f, 3, true),
            new Cropping(true, 1f, 0.02f, 0f),
            new Outputs(true, false),
            SmoothingParams.DEFAULT, 8, 0.5f);

    public TrackerParams {
        if (maxFaces < 1) throw new IllegalArgumentException("most faces must be >= 1, got " + maxFaces);
    }

    public TrackerParams with(Detection d) { return new TrackerParams(d, loss, cropping, outputs, smoothing, maxFaces, mergeIoU); }
    public TrackerParams with(Loss l) { return new TrackerParams(detection, l, cropping, outputs, smoothing, maxFaces, mergeIoU); }
    public TrackerParams with(Cropping c) { return new TrackerParams(detection, loss, c, outputs, smoothing, maxFaces, mergeIoU); }
    public TrackerParams with(Outputs o) { return new TrackerParams(detection, loss, cropping, o, smoothing, maxFaces, mergeIoU); }
    public TrackerParams with(SmoothingParams s) { return new TrackerParams(detection, loss, cropping, outputs, s, maxFaces, mergeIoU); }
    public TrackerParams withMaxFaces(int n) { return new TrackerParams(detection, loss, cropping, outputs, smoothing, n, mergeIoU); }

    // The knobs callers turn most often.
    public TrackerParams withDetectEvery(int n) { return with(new Detection(n, detection.async, detection.matchDistance, detection.reseedIoU)); }
    public TrackerParams withAsyncDetection(boolean a) { return with(new Detection(detection.every, a, detection.matchDistance, detection.reseedIoU)); }
    public TrackerParams withMinScore(float s) { return with(new Loss(loss.maxLost, s, loss.minConfidence, loss.maxMisses, loss.recover)); }
    public TrackerParams withMinConfidence(float c) { return with(new Loss(loss.maxLost, loss.minScore, c, loss.maxMisses, loss.recover)); }
    public TrackerParams withRecovery(boolean r) { return with(new Loss(loss.maxLost, loss.minScore, loss.minConfidence, loss.maxMisses, r)); }
    public TrackerParams withCropLead(float lead) { return with(new Cropping(cropping.derotate, lead, cropping.leadKnee, cropping.refine)); }
    public TrackerParams withCropLeadKnee(float knee) { return with(new Cropping(cropping.derotate, cropping.lead, knee, cropping.refine)); }
    public TrackerParams withRefine(float offset) { return with(new Cropping(cropping.derotate, cropping.lead, cropping.leadKnee, offset)); }
    public TrackerParams withHeatmaps(boolean keep) { return with(new Outputs(outputs.pose, keep)); }
    public TrackerParams withPose(boolean pose) { return with(new Outputs(pose, outputs.keepHeatmaps)); }
    public TrackerParams withSmoothing(SmoothingParams s) { return with(s); }
}
