package dev.facemark.tracker.cli;

import dev.facemark.core.data.DataFormatException;
import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageCheck;
import dev.facemark.core.data.LoadMode;
import dev.facemark.core.data.W300Dataset;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.metrics.Normalizer;
import dev.facemark.core.points.PointScheme;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.track.TrackerParams;
import dev.facemark.tracker.tune.ClipRecorder;
import dev.facemark.tracker.tune.MotionClip;
import dev.facemark.tracker.tune.MotionScript;
import dev.facemark.tracker.tune.Recording;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The motion clips {@code tune-smoothing} and {@code motion-score} run the tracker over: 300-W
 * TRAINING faces moved on a canvas by {@link MotionScript}, and the tracker's raw answers on them,
 * recorded once ({@link ClipRecorder}) and kept under /tmp when asked.
 */
public final class MotionClipOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data/300w",
            description = "300-W folder; only its training folders are read (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--faces", paramLabel = "N", defaultValue = "16", description = "training faces, one clip each (default: ${DEFAULT-VALUE})")
    int faces;

    @Option(names = "--script", paramLabel = "standard|short", defaultValue = "standard",
            description = "clip script: standard (24 s: still, smooth, still, fast, still, smooth, fast, still) or short (4.5 s: still, fast, still) (default: ${DEFAULT-VALUE})")
    String script;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "15", description = "faces, motions and noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--iod", paramLabel = "PX", defaultValue = "70", description = "inter-ocular distance on the canvas at scale 1 (default: ${DEFAULT-VALUE})")
    double iod;

    @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "3", description = "sensor noise, grey levels (default: ${DEFAULT-VALUE})")
    double noise;

    @Option(names = "--model", paramLabel = "M.onnx", defaultValue = "models/fast.onnx", description = "landmark model (default: ${DEFAULT-VALUE})")
    Path model;

    @Mixin InferenceOptions inference = new InferenceOptions();

    @Option(names = "--cache", paramLabel = "FILE", description = "keep the raw recording in FILE (e.g. under /tmp) and reuse it when the settings match")
    Path cache;

    public String script() { return script; }

    /**
     * The tracker's raw answers on the clips with {@code tracker} (smoothing off, see {@link ClipRecorder#params}):
     * read from {@code --cache} when it was made with the same settings, else recorded (and kept there).
     */
    public Recording recording(TrackerParams tracker, PrintWriter err) {
        if (faces < 1) throw new UserError("--faces must be >= 1, got " + faces);
        List<MotionScript.Part> parts = switch (script) {
            case "standard" -> MotionScript.STANDARD;
            case "short" -> MotionScript.SHORT;
            default -> throw new UserError("--script: standard or short, got " + script);
        };
        String key = String.format(Locale.ROOT, "v1 data=%s faces=%d script=%s seed=%d iod=%s noise=%s model=%s size=%d detector=%s tracker=%s",
                data.toAbsolutePath().normalize(), faces, script, seed, iod, noise, model.toAbsolutePath().normalize(),
                fileSize(model), inference.detector(), ClipRecorder.params(tracker));
        Recording rec = cache == null ? null : Recording.read(cache, key);
        if (rec != null) {
            err.println("raw points from " + cache);
            return rec;
        }
        long t0 = System.nanoTime();
        rec = record(parts, key, tracker, err);
        if (cache != null) rec.write(cache);
        err.printf(Locale.ROOT, "recorded %d frames in %.0f s%s%n", rec.frames(), (System.nanoTime() - t0) / 1e9,
                cache == null ? "" : " (kept in " + cache + ")");
        return rec;
    }

    private Recording record(List<MotionScript.Part> parts, String key, TrackerParams tracker, PrintWriter err) {
        List<FaceSample> picked = pickFaces();
        List<Recording.Clip> clips = new ArrayList<>();
        try (LandmarkModel m = LandmarkModel.open(model, inference.runtime()); FaceDetector det = Detectors.open(inference.detector())) {
            for (int i = 0; i < picked.size(); i++) {
                FaceSample face = picked.get(i);
                MotionScript s = MotionScript.of(parts, 30, seed * 1000 + i);
                long t = System.nanoTime();
                try (MotionClip clip = new MotionClip(face, s, iod, noise, seed * 1000 + i)) {
                    Recording.Clip c = ClipRecorder.record(clip, m, det, tracker, null);
                    clips.add(c);
                    err.printf(Locale.ROOT, "clip %d/%d %s: %d frames, face in %d, %.1f s%n", i + 1, picked.size(), face.name(),
                            c.frames(), c.found(), (System.nanoTime() - t) / 1e9);
                }
            }
        }
        return new Recording(key, clips);
    }

    /** {@code faces} training faces, drawn with the seed among those whose photo has an inter-ocular distance of 50 px or more. */
    private List<FaceSample> pickFaces() {
        Dataset train;
        try {
            train = W300Dataset.load(data, "train", LoadMode.LENIENT, ImageCheck.EXISTS);
        } catch (DataFormatException e) {
            throw new UserError("--data " + data + ": " + e.getMessage());
        }
        List<FaceSample> usable = new ArrayList<>();
        for (FaceSample f : train.samples()) if (Normalizer.INTER_OCULAR.distance(PointScheme.IBUG_68, f.points()) >= 50) usable.add(f);
        if (usable.size() < faces) throw new UserError("--faces " + faces + ": only " + usable.size() + " usable training faces in " + data);
        Collections.shuffle(usable, new Random(seed));
        return usable.subList(0, faces);
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UserError("--model " + p + ": " + e.getMessage());
        }
    }
}
