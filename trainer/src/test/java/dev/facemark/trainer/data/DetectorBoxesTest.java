package dev.facemark.trainer.data;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.geom.DetectorCalibration;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.trainer.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Haar boxes (core's detector, the tracker's) of real training faces, calibrated, land on the faces; the run folder caches them. */
class DetectorBoxesTest {
    @TempDir Path tmp;

    @Test
    void calibratedDetectionsCoverTheLandmarkBoxAndAreCached() throws Exception {
        Dataset d = TrainingFaces.limit(TrainingFaces.load(TestData.requireRoot(), List.of("300w")), 8, 5);
        Path cache = tmp.resolve("detections.tsv");
        DetectorBoxes a = DetectorBoxes.load(d.samples(), DetectorCalibration.HAAR, cache, 1);
        assertTrue(a.found() >= 5, "Haar finds most frontal training faces: " + a.found());
        for (FaceSample s : d.samples()) {
            FaceBox b = a.landmarkBoxOf(s);
            if (b != null) assertTrue(b.iou(s.landmarkBox()) > 0.45, s.name() + ": calibrated box IoU " + b.iou(s.landmarkBox()));
        }
        List<String> lines = Files.readAllLines(cache);
        assertEquals(DetectorBoxes.HEADER, lines.get(0), "the cache names the detector and its parameters");
        assertEquals(d.size() + 1, lines.size(), "one cache line per face, found or not");
        long t0 = System.nanoTime();
        DetectorBoxes b = DetectorBoxes.load(d.samples(), DetectorCalibration.HAAR, cache, 1);
        assertTrue((System.nanoTime() - t0) / 1e9 < 1.0, "second load comes from the cache");
        assertEquals(a.found(), b.found());
        assertEquals(d.size() + 1, Files.readAllLines(cache).size(), "nothing re-detected");
    }

    @Test
    void aCacheFromAnotherDetectorIsDiscarded() throws Exception {
        Dataset d = TrainingFaces.limit(TrainingFaces.load(TestData.requireRoot(), List.of("300w")), 3, 7);
        Path cache = tmp.resolve("detections.tsv");
        // An old header-less cache (the trainer's former full-resolution detector) with boxes nowhere near the faces.
        StringBuilder old = new StringBuilder();
        for (FaceSample s : d.samples()) old.append(DetectorBoxes.key(s)).append("\t1.00\t2.00\t3.00\t4.00\n");
        Files.writeString(cache, old);
        DetectorBoxes b = DetectorBoxes.load(d.samples(), DetectorCalibration.IDENTITY, cache, 1);
        List<String> lines = Files.readAllLines(cache);
        assertEquals(DetectorBoxes.HEADER, lines.get(0));
        assertEquals(d.size() + 1, lines.size(), "rewritten, not appended: " + lines);
        for (FaceSample s : d.samples()) {
            FaceBox box = b.landmarkBoxOf(s);
            assertTrue(box == null || box.w() > 20, "stale box used: " + box);
        }
        assertFalse(Files.readString(cache).contains("\t1.00\t2.00\t3.00\t4.00"));
    }
}
