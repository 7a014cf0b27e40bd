package dev.facemark.trainer.eval;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageLoader;
import dev.facemark.core.detect.DetectionSeed;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.metrics.EvaluationReport;
import dev.facemark.core.metrics.Evaluator;
import dev.facemark.core.model.ModelContract;
import dev.facemark.core.points.PointScheme;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.core.runtime.Predictions;
import dev.facemark.trainer.BadInputException;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs an exported ONNX model over annotated faces through core's {@link LandmarkModel} (the
 * tracker's runtime: same crop, same contract) and scores it with core's {@link Evaluator}.
 */
public final class ModelEvaluation {
    /** The report plus every face's result (for failure galleries). */
    public record Outcome(EvaluationReport report, List<FaceResult> faces, int detectorMisses) { }

    private ModelEvaluation() {}

    /**
     * How each face is presented to the model.
     *
     * @param detector    null for ground-truth boxes; else its detections, mapped through the model's calibration for
     *                    {@code detector.name()}, give the crops (the tracker's first frame)
     * @param refine      extra passes in the tracker's tracking mode: each crop comes from the previous pass's points
     *                    (tight box, de-rotated along the eye line), as the tracker crops every frame after the first
     * @param rollDegrees each image (and its annotation) first turned clockwise on screen about its centre onto a
     *                    canvas that holds all of it: how well faces are found and fitted when people lean
     * @param occlusion   then that share of each face's box painted over ({@link Occluded}); 0 = none
     * @param stride      every {@code stride}-th face only
     */
    public record Protocol(FaceDetector detector, int refine, double rollDegrees, double occlusion, int stride) {
        /** Ground-truth boxes, one pass, as annotated, every face. */
        public static final Protocol GT = new Protocol(null, 0, 0, 0, 1);
    }

    public static Outcome run(LandmarkModel model, Dataset data, Protocol protocol, IntConsumer progress) {
        FaceDetector detector = protocol.detector();
        int refine = protocol.refine(), stride = protocol.stride();
        double rollDegrees = protocol.rollDegrees(), occlusion = protocol.occlusion();
        ModelContract c = model.contract();
        if (c.scheme() != PointScheme.IBUG_68) {
            throw new BadInputException(model.source() + " predicts " + c.scheme() + "; evaluation needs a 68-point (ibug68) model");
        }
        Evaluator ev = new Evaluator(PointScheme.IBUG_68);
        List<FaceResult> faces = new ArrayList<>(data.size());
        DetectorCalibration cal = detector == null ? null : c.calibration(detector.name());
        int misses = 0;
        int done = 0;
        for (int i = 0; i < data.size(); i += Math.max(1, stride)) {
            FaceSample s = data.get(i);
            float[] truth = s.points();
            Mat loaded = ImageLoader.readColor(s.image());
            if (rollDegrees != 0) {
                Rolled r = Rolled.of(loaded, truth, rollDegrees);
                loaded.close();
                loaded = r.image();
                truth = r.points();
            }
            FaceBox truthBox = FaceBox.ofPoints(truth);
            if (occlusion > 0) Occluded.paint(loaded, truthBox, occlusion, i);
            try (Mat img = loaded) {
                DetectionSeed seed = new DetectionSeed(truthBox, 0f);
                boolean detected = true;
                if (detector != null) {
                    List<DetectionSeed> est = detector.detect(img).stream().map(d -> DetectionSeed.of(d, cal, true)).toList();
                    DetectionSeed m = bestMatch(est, truthBox, 0.3f);
                    if (m != null) seed = m; else { detected = false; misses++; }
                }
                CropTransform crop = model.cropFor(seed.box(), seed.roll());
                Predictions p = model.predict(img, List.of(crop));
                float[] pred = p.landmarks(0).clone();
                for (int k = 0; k < refine; k++) {
                    CropTransform next = model.cropFromLandmarks(pred, true);
                    pred = model.predict(img, List.of(next)).landmarks(0).clone();
                }
                Evaluator.Face f = ev.add(s.subset(), pred, truth);
                faces.add(new FaceResult(s.name(), s.subset(), s.image().toString(), f.nme(), pred, truth, detected));
            }
            if (progress != null) progress.accept(++done);
        }
        return new Outcome(ev.report(), faces, misses);
    }

    /** The detection that overlaps {@code truth} most, or null when none overlaps it by IoU >= minIou. */
    private static DetectionSeed bestMatch(List<DetectionSeed> dets, FaceBox truth, float minIou) {
        DetectionSeed best = null;
        float bestIou = minIou;
        for (DetectionSeed d : dets) {
            float iou = d.box().iou(truth);
            if (iou >= bestIou) { bestIou = iou; best = d; }
        }
        return best;
    }
}
