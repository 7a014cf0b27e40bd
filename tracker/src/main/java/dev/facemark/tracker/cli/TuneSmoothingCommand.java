package dev.facemark.tracker.cli;

import dev.facemark.tracker.smooth.SmoothingParams;
import dev.facemark.tracker.track.TrackerParams;
import dev.facemark.tracker.tune.Recording;
import dev.facemark.tracker.tune.SmoothingReplay;
import dev.facemark.tracker.tune.SmoothingSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Mixin MotionClipOptions clips = new MotionClipOptions();

    @Option(names = "--candidate", paramLabel = "SPELLING", split = ";",
            description = "smoothers to try instead of the built-in grid, e.g. 'one-euro:1.5,4,1;default' (see SmoothingParams)")
    List<String> candidates;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3", description = "best candidates per family in the table (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<SmoothingParams> grid = new ArrayList<>();
        if (candidates == null) grid.addAll(SmoothingSearch.grid());
        else for (String c : candidates) grid.add(SmoothingParams.parse(c));
        if (!grid.contains(SmoothingParams.DEFAULT)) grid.add(SmoothingParams.DEFAULT);
        if (!grid.contains(SmoothingParams.LEGACY)) grid.add(SmoothingParams.LEGACY);

        Recording rec = clips.recording(TrackerParams.DEFAULT, err);

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
                rec.clips().size(), rec.clips().get(0).frames() / 30.0, clips.script(), rec.frames(), 100.0 * rec.found() / rec.frames(), grid.size());
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

    private static String pct(double fraction) { return num(100 * fraction, 2); }

    /** A table number; "-" where there was nothing to measure (the short script has no smooth segment). */
    private static String num(double v, int decimals) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v); }
}
