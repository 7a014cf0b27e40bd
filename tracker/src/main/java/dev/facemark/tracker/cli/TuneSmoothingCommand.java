package dev.facemark.tracker.cli;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.data.DataFormatException;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.data.ImageCheck;
import dev.facemark.core.data.LoadMode;
import dev.facemark.core.data.W300Dataset;
import dev.facemark.core.detect.Detectors;
import dev.facemark.core.detect.FaceDetector;
import dev.facemark.core.metrics.Normalizer;
import dev.facemark.core.points.PointScheme;
import dev.facemark.core.runtime.LandmarkModel;
import dev.facemark.tracker.smooth.SmoothingParams;
import dev.facemark.tracker.track.TrackerParams;
import dev.facemark.tracker.tune.ClipRecorder;
import dev.facemark.tracker.tune.MotionClip;
import dev.facemark.tracker.tune.MotionScript;
import dev.facemark.tracker.tune.Recording;
import dev.facemark.tracker.tune.SmoothingReplay;
import dev.facemark.tracker.tune.SmoothingSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code tracker tune-smoothing}: makes motion clips from 300-W TRAINING faces, runs the tracker over
 * them once with smoothing off, replays every smoother candidate offline over the recorded raw points,
 * picks one on half of the clips and reports all of them on the other half. See tracker/SMOOTHING.md.
 */
@Command(name = "tune-smoothing", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tune the landmark smoother on motion clips made from 300-W training faces (afw, helen/trainset, "
                + "lfpw/trainset; never test faces): each face photo is moved on a 640x480 canvas under known translation, "
                + "roll (up to 20 degrees) and scale through still, smooth and fast segments, with motion blur and sensor noise. "
                + "The tracker runs once per clip with smoothing off; the candidates are replayed offline over its raw points "
                + "(exact: the tracker crops each frame from raw points). Candidates are picked on the even-numbered clips "
                + "and reported on the odd-numbered ones.",
                "NME and jitter in %% of the inter-ocular distance, lag in frames."})
public final class TuneSmoothingCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

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

    @Option(names = "--candidate", paramLabel = "SPELLING", split = ";",
            description = "smoothers to try instead of the built-in grid, e.g. 'one-euro:1.5,4,1;default' (see SmoothingParams)")
    List<String> candidates;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3", description = "best candidates per family in the table (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (faces < 1) throw new UserError("--faces must be >= 1, got " + faces);
        List<MotionScript.Part> parts = switch (script) {
            case "standard" -> MotionScript.STANDARD;
            case "short" -> MotionScript.SHORT;
            default -> throw new UserError("--script: standard or short, got " + script);
        };
        List<SmoothingParams> grid = new ArrayList<>();
        if (candidates == null) grid.addAll(SmoothingSearch.grid());
        else for (String c : candidates) grid.add(SmoothingParams.parse(c));
        if (!grid.contains(SmoothingParams.DEFAULT)) grid.add(SmoothingParams.DEFAULT);
        if (!grid.contains(SmoothingParams.LEGACY)) grid.add(SmoothingParams.LEGACY);

        String key = String.format(Locale.ROOT, "v1 data=%s faces=%d script=%s seed=%d iod=%s noise=%s model=%s size=%d detector=%s tracker=%s",
                data.toAbsolutePath().normalize(), faces, script, seed, iod, noise, model.toAbsolutePath().normalize(),
                fileSize(model), inference.detector(), ClipRecorder.params(TrackerParams.DEFAULT));
        Recording rec = cache == null ? null : Recording.read(cache, key);
        long t0 = System.nanoTime();
        if (rec == null) {
            rec = record(parts, key, err);
            if (cache != null) rec.write(cache);
            err.printf(Locale.ROOT, "recorded %d frames in %.0f s%s%n", rec.frames(), (System.nanoTime() - t0) / 1e9,
                    cache == null ? "" : " (kept in " + cache + ")");
        } else {
            err.println("raw points from " + cache);
        }

        List<Recording.Clip> searchClips = new ArrayList<>(), reportClips = new ArrayList<>();
        for (int i = 0; i < rec.clips().size(); i++) (i % 2 == 0 ? searchClips : reportClips).add(rec.clips().get(i));
        boolean heldOut = !reportClips.isEmpty();
        Recording search = rec.subset(searchClips), report = heldOut ? rec.subset(reportClips) : search;

        SmoothingReplay.Score rawSearch = SmoothingReplay.score(search, SmoothingParams.OFF, false);
        List<SmoothingReplay.Score> scores = new ArrayList<>();
        for (SmoothingParams p : grid) scores.add(SmoothingReplay.score(search, p, false));
        SmoothingReplay.Score best = SmoothingReplay.score(search, SmoothingParams.parse(SmoothingSearch.best(scores, rawSearch).smoothing()), false);

        // Rows of the table: the baseline, the old and the current default, the best few of each family, the pick.
        Map<String, SmoothingParams> rows = new LinkedHashMap<>();
        rows.put(SmoothingParams.OFF.spelling(), SmoothingParams.OFF);
        rows.put(SmoothingParams.LEGACY.spelling(), SmoothingParams.LEGACY);
        rows.put(SmoothingParams.DEFAULT.spelling(), SmoothingParams.DEFAULT);
        Map<String, List<SmoothingReplay.Score>> byFamily = new LinkedHashMap<>();
        for (int i = 0; i < grid.size(); i++) byFamily.computeIfAbsent(SmoothingSearch.family(grid.get(i)), k -> new ArrayList<>()).add(scores.get(i));
        for (List<SmoothingReplay.Score> fam : byFamily.values()) {
            List<SmoothingReplay.Score> ranked = new ArrayList<>(fam);
            ranked.sort((a, b) -> {
                boolean qa = SmoothingSearch.qualifies(a, rawSearch), qb = SmoothingSearch.qualifies(b, rawSearch);
                if (qa != qb) return qa ? -1 : 1;
                return Double.compare(SmoothingSearch.cost(a, rawSearch), SmoothingSearch.cost(b, rawSearch));
            });
            for (int i = 0; i < Math.min(top, ranked.size()); i++) rows.put(ranked.get(i).smoothing(), SmoothingParams.parse(ranked.get(i).smoothing()));
        }
        rows.put(best.smoothing(), SmoothingParams.parse(best.smoothing()));

        out.printf(Locale.ROOT, "clips: %d training faces x %.1f s at 30 fps (%s script), %d frames, face found in %.1f%%; %d candidates%n",
                rec.clips().size(), rec.clips().get(0).frames() / 30.0, script, rec.frames(), 100.0 * rec.found() / rec.frames(), grid.size());
        out.printf(Locale.ROOT, "picked on %d clips: %s (qualifies: %s)%n", searchClips.size(), best.smoothing(),
                SmoothingSearch.qualifies(best, rawSearch) ? "yes" : "no");
        out.printf(Locale.ROOT, "%s %d clips; NME and jitter in %% of the inter-ocular distance, lag in frames at 30 fps%n",
                heldOut ? "held-out" : "the same", report.clips().size());
        SmoothingReplay.Score raw = SmoothingReplay.score(report, SmoothingParams.OFF, true);
        out.printf(Locale.ROOT, "left out: %d frames without a face and %d where the tracker had lost it (raw NME over %.0f%%), of %d%n",
                raw.frames() - raw.found(), raw.failures(), 100 * SmoothingReplay.FAILURE, raw.frames());
        out.println("| smoothing | NME still | NME smooth | NME fast | fast / raw | jitter | jitter / raw | lag fast | NME mouth | lag mouth | targets |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (var e : rows.entrySet()) {
            SmoothingReplay.Score s = e.getValue() == SmoothingParams.OFF ? raw : SmoothingReplay.score(report, e.getValue(), true);
            String name = s.smoothing();
            if (e.getValue().equals(SmoothingParams.DEFAULT)) name += " (default)";
            if (e.getValue().equals(SmoothingParams.LEGACY)) name += " (before)";
            if (s.smoothing().equals(best.smoothing())) name += " (picked)";
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", name,
                    pct(s.nmeStill()), pct(s.nmeSmooth()), pct(s.nmeFast()), num(s.nmeFast() / raw.nmeFast(), 2), num(100 * s.jitter(), 3),
                    num(s.jitter() / raw.jitter(), 2), num(s.lagFast(), 2), pct(s.nmeExpression()), num(s.lagExpression(), 2),
                    e.getValue() == SmoothingParams.OFF ? "baseline" : SmoothingSearch.qualifies(s, raw) ? "met" : "missed");
        }
        return 0;
    }

    private Recording record(List<MotionScript.Part> parts, String key, PrintWriter err) {
        List<FaceSample> picked = pickFaces();
        List<Recording.Clip> clips = new ArrayList<>();
        try (LandmarkModel m = LandmarkModel.open(model, inference.runtime()); FaceDetector det = Detectors.open(inference.detector())) {
            for (int i = 0; i < picked.size(); i++) {
                FaceSample face = picked.get(i);
                MotionScript s = MotionScript.of(parts, 30, seed * 1000 + i);
                long t = System.nanoTime();
                try (MotionClip clip = new MotionClip(face, s, iod, noise, seed * 1000 + i)) {
                    Recording.Clip c = ClipRecorder.record(clip, m, det, TrackerParams.DEFAULT, null);
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

    private static String pct(double fraction) { return num(100 * fraction, 2); }

    /** A table number; "-" where there was nothing to measure (the short script has no smooth segment). */
    private static String num(double v, int decimals) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v); }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new UserError("--model " + p + ": " + e.getMessage());
        }
    }
}
