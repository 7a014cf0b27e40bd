package dev.facemark.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.detect.HaarCascadeDetector;
import dev.facemark.core.detect.YuNetDetector;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.trainer.data.CalibrationFit;
import dev.facemark.trainer.data.DetectorBoxes;
import dev.facemark.trainer.data.TrainingFaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code trainer calibrate}: fits a face detector's box-to-landmark-box calibration on TRAIN faces. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Runs a face detector (the tracker's Haar or YuNet) on training faces (TRAIN splits only) and fits",
                "DetectorCalibration (dx, dy, sw, sh): landmark box centre = detector centre + (dx*w, dy*h), size = (sw*w, sh*h)."})
public final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--data", split = ",", defaultValue = "300w,ytf") List<String> data;
    @Option(names = "--data-root", defaultValue = "../shared/data") Path dataRoot;
    @Option(names = "--max-faces", defaultValue = "1500", description = "faces to use (spread by seed); 0 = all") int maxFaces;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Mixin DetectorOption detector;
    @Option(names = "--json", description = "write the calibration here") Path json;

    @Override
    public Integer call() throws IOException {
        // Open the detector first: a missing model is reported before minutes of data loading.
        Detectors.Spec spec = detector.spec(null);
        try (FaceDetector det = detector.open(spec)) {
            Dataset faces = TrainingFaces.limit(TrainingFaces.load(dataRoot, data), maxFaces, seed);
            CalibrationFit fit = new CalibrationFit();
            List<FaceBox[]> pairs = new ArrayList<>();
            for (FaceSample s : faces.samples()) {
                FaceBox best = DetectorBoxes.detect(det, s);
                if (best != null) {
                    fit.add(best, s.landmarkBox());
                    pairs.add(new FaceBox[] {best, s.landmarkBox()});
                }
            }
            String name = det.name();
            if (fit.size() == 0) throw new UserException("the " + name + " detector matched none of " + faces.size() + " faces; nothing to calibrate");
            DetectorCalibration c = fit.fit(name);
            double before = CalibrationFit.meanIou(pairs, DetectorCalibration.IDENTITY), after = CalibrationFit.meanIou(pairs, c);
            System.out.printf(Locale.ROOT, "%s matched %d of %d training faces%n", name, fit.size(), faces.size());
            System.out.printf(Locale.ROOT, "calibration %s: %s  (dx, dy, sw, sh)%n", name, c.encode());
            System.out.printf(Locale.ROOT, "mean IoU with the landmark box: raw %.3f, calibrated %.3f%n", before, after);
            if (json != null) writeJson(det, spec, c, faces.size(), fit.size(), before, after);
        }
        return 0;
    }

    private void writeJson(FaceDetector det, Detectors.Spec spec, DetectorCalibration c, int faces, int matched, double before, double after)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("detector", det.name());
        if (det.name().equals(Detectors.HAAR)) m.put("cascade", HaarCascadeDetector.CASCADE);
        else m.put("model", spec.model() == null ? YuNetDetector.MODEL_FILE + " (packaged)" : spec.model().getFileName().toString());
        m.put("detector_parameters", det.parameters());
        m.put("dx", c.dx()); m.put("dy", c.dy()); m.put("sw", c.sw()); m.put("sh", c.sh());
        m.put("encoded", c.encode());
        m.put("faces", faces); m.put("matched", matched);
        m.put("mean_iou_raw", before); m.put("mean_iou_calibrated", after);
        m.put("data", String.join(",", data) + " (train splits)");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), m);
    }
}
