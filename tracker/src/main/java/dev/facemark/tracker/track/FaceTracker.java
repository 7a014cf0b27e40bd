package dev.facemark.tracker.track;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.Predictions;
import dev.facemark.core.detect.Detection;
import dev.facemark.core.detect.DetectionSeed;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.tracker.detect.BackgroundDetector;
import dev.facemark.tracker.face.FaceHeatmaps;
import dev.facemark.tracker.face.FrameResult;
import dev.facemark.tracker.face.HeadPose;
import dev.facemark.tracker.face.TrackedFace;
import dev.facemark.tracker.pose.HeadPoseEstimator;
import dev.facemark.tracker.profile.Stage;
import dev.facemark.tracker.profile.StageTimer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * Detect, then follow (MediaPipe-style): once a face is found, each frame's crop comes from the
 * previous frame's landmarks, and the detector runs again only when a face is lost, or every
 * {@code detectEvery} frames to pick up new faces and to confirm the tracked ones.
 *
 * <p>Per frame: (1) maybe detect, calibrate the boxes to landmark boxes, match them to tracks
 * ({@link DetectionMatcher}): a drifted or lost track is re-seeded from its detection, an
 * unmatched one becomes a new track; (2) crop every track and run all faces in one batch;
 * (3) judge each answer: a face is lost when its points collapse or explode against the crop,
 * leave the frame, score under {@code minScore} (heatmap models), or - for regressors, which have
 * no confidence - when the detector has failed to confirm it {@code maxMisses} rounds running;
 * (4) merge tracks that became the same face (IoU), drop tracks lost for more than {@code maxLost}
 * frames; (5) smooth (in a face-aligned frame, {@code smooth.LandmarkSmoother}) and estimate pose; the next crop comes
 * from the raw points.
 *
 * <p>Ids are stable as long as a track lives: a detection that matches a track keeps its id.
 * Not thread-safe. Allocation per frame is limited to the output records.
 */
public final class FaceTracker implements AutoCloseable {
    private final LandmarkModel model;
    private final FaceDetector detector;
    private final TrackerParams params;
    private final StageTimer timer;
    private final DetectorCalibration calibration;
    private final HeadPoseEstimator poseEstimator = new HeadPoseEstimator();
    private final BackgroundDetector background; // null: every detection runs in line
    private final List<Track> tracks = new ArrayList<>();
    private final List<FaceBox> detBoxes = new ArrayList<>();
    private final List<DetectionSeed> seeds = new ArrayList<>();
    private final List<FaceBox> trackBoxes = new ArrayList<>();
    private final float cropToBox;
    private final List<Track> retry = new ArrayList<>();
    private final List<Track> answered = new ArrayList<>();
    private final List<Track> refining = new ArrayList<>();
    private CropTransform[] crops = new CropTransform[8];
    private int nextId = 1;
    private long seedRound;
    private long lastDetection = Long.MIN_VALUE / 2;
    private boolean needDetection = true;
    private long frames, detectionRuns, refinements;
    private long smoothNanos; // this frame's smoothing and pose so far

    public FaceTracker(LandmarkModel model, FaceDetector detector, TrackerParams params, StageTimer timer) {
        this.model = model;
        this.detector = detector;
        this.params = params;
        this.timer = timer;
        ModelContract c = model.contract();
        this.calibration = c.calibration(detector.name());
        // crop side / reference box side, to judge the size of an answer against its crop
        this.cropToBox = c.boxPolicy().scale() * (1 + c.boxPolicy().testEnlarge());
        this.background = params.detection().async() ? new BackgroundDetector(detector) : null;
    }

    public FrameResult process(Mat bgr, long frame, double timeMs, String source) {
        frames++;
        int width = bgr.cols(), height = bgr.rows();
        int every = params.detection().every();
        boolean periodic = every > 0 && frame - lastDetection >= every, detected = false;
        if (tracks.isEmpty() || needDetection) {
            if (background != null) background.await(); // stale, and the detector must be free
            detect(bgr, frame);
            detected = true;
        } else if (background != null) {
            // Every face is tracked: new faces and confirmations may arrive a few frames late.
            BackgroundDetector.Result done = background.poll();
            if (done != null) {
                timer.record(Stage.DETECT_BACKGROUND, done.detectNanos());
                applyDetections(done.detections(), false);
            }
            if (periodic && !background.busy()) {
                long t0 = System.nanoTime();
                background.start(bgr);
                timer.lap(Stage.CONVERT, t0);
                lastDetection = frame;
                detectionRuns++;
            }
        } else if (periodic) {
            detect(bgr, frame);
            detected = true;
        }

        Predictions p = predict(bgr, tracks);
        needDetection = false;
        answer(bgr, tracks, p, width, height, timeMs);
        if (needDetection && !detected && params.loss().recover()) recover(bgr, frame, width, height, timeMs);
        long t0 = System.nanoTime() - smoothNanos; // one SMOOTH_POSE record a frame: answers' smoothing and pose, then pruning
        smoothNanos = 0;
        TrackPruning.mergeAndDrop(tracks, params.loss().maxLost(), params.mergeIoU());
        List<TrackedFace> faces = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            if (t.framesLost == 0 && t.seen) faces.add(output(t));
            t.fromDetector = false;
            t.maps = null;
        }
        timer.record(Stage.SMOOTH_POSE, System.nanoTime() - t0);
        return new FrameResult(frame, timeMs, width, height, faces, source);
    }

    /** Runs the model on the next crops of {@code which}, in order, as one batch. */
    private Predictions predict(Mat bgr, List<Track> which) {
        int n = which.size();
        if (crops.length < n) crops = new CropTransform[Math.max(n, 2 * crops.length)];
        for (int i = 0; i < n; i++) crops[i] = which.get(i).nextCrop;
        Predictions p = model.predict(bgr, crops, n);
        timer.record(Stage.CROP, p.cropNanos());
        timer.record(Stage.INFERENCE, p.inferenceNanos());
        timer.record(Stage.DECODE, p.decodeNanos());
        return p;
    }

    /**
     * A face was lost this frame, which in fast motion means it left its crop: detect in this same
     * frame and answer the re-seeded (and any new) tracks from their fresh crops, so the move costs
     * no frame. Tracks that were fine keep this frame's answer.
     */
    private void recover(Mat bgr, long frame, int width, int height, double timeMs) {
        if (background != null) background.await(); // the detector must be free
        detect(bgr, frame);
        retry.clear();
        for (Track t : tracks) if (t.seededIn == seedRound && (t.framesLost > 0 || !t.seen)) retry.add(t);
        if (retry.isEmpty()) return;
        Predictions p = predict(bgr, retry);
        needDetection = false;
        for (Track t : retry) if (t.framesLost > 0) t.framesLost--; // its loss this frame is answered now
        answer(bgr, retry, p, width, height, timeMs);
    }

    private void detect(Mat bgr, long frame) {
        long t0 = System.nanoTime();
        detector.prepare(bgr);
        t0 = timer.lap(Stage.CONVERT, t0);
        List<Detection> detections = detector.detect();
        timer.lap(Stage.DETECT, t0);
        lastDetection = frame;
        detectionRuns++;
        applyDetections(detections, true);
    }

    /**
     * Matches detector boxes to tracks: confirms them, re-seeds drifted or lost ones, starts new ones.
     * {@code reseedTracked} is false for boxes from a background run: they are a few frames old, so a
     * face that is tracked fine keeps its own crop rather than jumping back to where it was.
     */
    private void applyDetections(List<Detection> detections, boolean reseedTracked) {
        seedRound++;
        detBoxes.clear();
        seeds.clear();
        for (Detection d : detections) {
            DetectionSeed seed = DetectionSeed.of(d, calibration, params.cropping().derotate());
            seeds.add(seed);
            detBoxes.add(seed.box());
        }
        trackBoxes.clear();
        for (Track t : tracks) trackBoxes.add(t.box);
        int[] match = DetectionMatcher.match(trackBoxes, detBoxes, params.detection().matchDistance());
        boolean[] confirmed = new boolean[tracks.size()];
        for (int d = 0; d < detBoxes.size(); d++) {
            FaceBox box = detBoxes.get(d);
            float score = detections.get(d).score();
            if (match[d] >= 0) {
                Track t = tracks.get(match[d]);
                confirmed[match[d]] = true;
                t.detectionMisses = 0;
                t.detectorScore = score;
                if (t.framesLost > 0 || (reseedTracked && t.box.iou(box) < params.detection().reseedIoU())) {
                    t.reseed(box, seedCrop(d), score, seedRound);
                }
            } else if (tracks.size() < params.maxFaces() && !overlapsTrack(box)) {
                tracks.add(new Track(nextId++, model.contract().points(), params.smoothing(), box, seedCrop(d), score, seedRound));
            }
        }
        for (int i = 0; i < confirmed.length; i++) if (!confirmed[i]) tracks.get(i).detectionMisses++;
    }

    /** The crop of detection {@code d} of the last {@link #applyDetections} call: upright along its eye line. */
    private CropTransform seedCrop(int d) {
        DetectionSeed s = seeds.get(d);
        return model.cropFor(s.box(), s.roll());
    }

    private boolean overlapsTrack(FaceBox box) {
        for (Track t : tracks) if (t.box.iou(box) > params.mergeIoU()) return true;
        return false;
    }

    /**
     * Judges answer {@code i} of {@code p} for {@code t} and, when it holds, takes it as the track's points.
     * A first answer that fails loses the face for this frame; a refined one that fails leaves the first.
     */
    private boolean accept(Track t, Predictions p, int i, int width, int height, boolean first) {
        float[] pts = p.landmarks(i);
        CropTransform crop = p.crop(i);
        FaceBox box = FaceBox.ofPoints(pts);
        float expected = crop.cropWidth() / cropToBox, size = Math.max(box.w(), box.h());
        float mean = p.meanScore(i);
        float confidence = Float.isNaN(mean) ? Float.NaN : p.confidence(i); // once: it sorts the point scores
        boolean collapsed = !(size > 0.3f * expected) || size > 3f * expected; // also catches NaN
        boolean outside = box.cx() < 0 || box.cy() < 0 || box.cx() > width - 1 || box.cy() > height - 1;
        boolean unsure = Float.isNaN(mean) ? t.detectionMisses >= params.loss().maxMisses()
                : p.calibrated() ? confidence < params.loss().minConfidence() : mean < params.loss().minScore();
        if (collapsed || outside || unsure) {
            if (first) {
                t.framesLost++;
                t.hasLast = false;
                needDetection = true;
            }
            return false;
        }
        System.arraycopy(pts, 0, t.raw, 0, pts.length);
        t.box = box;
        t.answeredIn = crop;
        t.framesLost = 0;
        t.seen = true;
        t.score = Float.isNaN(mean) ? t.detectorScore : confidence;
        float[] ps = p.pointScores(i);
        if (ps != null) {
            if (t.pointScores == null) t.pointScores = new float[ps.length];
            System.arraycopy(ps, 0, t.pointScores, 0, ps.length);
        }
        if (params.outputs().keepHeatmaps() && p.hasHeatmaps()) {
            t.maps = new FaceHeatmaps(p.heatmaps(i).clone(), p.points(), p.heatmapWidth(), p.heatmapHeight(), p.crop(i));
        }
        return true;
    }

    /** Judges every answer of {@code p} (for {@code which}, in order), refines the off-centre ones, then finishes them. */
    private void answer(Mat bgr, List<Track> which, Predictions p, int width, int height, double timeMs) {
        answered.clear();
        for (int i = 0; i < p.count(); i++) if (accept(which.get(i), p, i, width, height, true)) answered.add(which.get(i));
        refine(bgr, width, height);
        long t0 = System.nanoTime();
        for (Track t : answered) finish(t, width, height, timeMs);
        smoothNanos += System.nanoTime() - t0;
    }

    /**
     * Answers again, from a crop centred on the first answer, the faces found further off their crop's centre than
     * {@code cropping.refine} (a move the lead did not foresee): one more batch, only on such frames.
     */
    private void refine(Mat bgr, int width, int height) {
        float limit = params.cropping().refine();
        if (!(limit > 0) || answered.isEmpty()) return;
        refining.clear();
        for (Track t : answered) {
            CropTransform centred = model.cropFromLandmarks(t.raw, params.cropping().derotate());
            CropTransform used = t.answeredIn;
            double off = Math.hypot(centred.centreX() - used.centreX(), centred.centreY() - used.centreY()) / centred.cropWidth();
            if (off > limit) {
                t.nextCrop = centred;
                refining.add(t);
            }
        }
        if (refining.isEmpty()) return;
        refinements += refining.size();
        Predictions p = predict(bgr, refining);
        for (int i = 0; i < refining.size(); i++) accept(refining.get(i), p, i, width, height, false);
    }

    /** Smooths and poses the track's accepted points and places its next crop. */
    private void finish(Track t, int width, int height, double timeMs) {
        FaceBox box = t.box;
        t.smoother.apply(t.raw, t.smooth, timeMs / 1000.0, Math.sqrt(box.w() * box.h()));
        if (params.outputs().pose()) t.pose = poseEstimator.estimate(t.smooth, width, height);
        // Next frame's crop from this frame's raw points (smoothing would make the crop lag), led by the
        // face's last move so that a fast-moving face stays centred in it.
        CropTransform next = model.cropFromLandmarks(t.raw, params.cropping().derotate());
        if (params.cropping().lead() > 0 && t.hasLast) {
            float dx = box.cx() - t.lastCx, dy = box.cy() - t.lastCy;
            float lead = params.cropping().leadFor((float) (Math.hypot(dx, dy) / Math.sqrt(box.w() * box.h())));
            next = next.shifted(lead * dx, lead * dy);
        }
        t.nextCrop = next;
        t.lastCx = box.cx();
        t.lastCy = box.cy();
        t.hasLast = true;
    }

    private TrackedFace output(Track t) {
        FaceBox box = FaceBox.ofPoints(t.smooth);
        HeadPose pose = t.pose;
        return new TrackedFace(t.id, box, Math.max(0f, Math.min(1f, t.score)), t.smooth.clone(),
                t.pointScores == null ? null : t.pointScores.clone(), pose, t.maps, t.fromDetector, t.framesLost);
    }

    /** Forgets every face (unrelated images of a folder): the next frame detects afresh and ids restart at 1. */
    public void reset() {
        if (background != null) background.await(); // its boxes belong to the previous image
        tracks.clear();
        nextId = 1;
        needDetection = true;
    }

    /** Frames processed and how many of them ran the detector. */
    public long frames() { return frames; }
    public long detectionRuns() { return detectionRuns; }
    /** Faces answered a second time in their frame from a crop centred on the first answer ({@code cropping.refine}). */
    public long refinements() { return refinements; }
    public int activeTracks() { return tracks.size(); }

    @Override
    public void close() {
        if (background != null) background.close();
        poseEstimator.close();
    }
}
