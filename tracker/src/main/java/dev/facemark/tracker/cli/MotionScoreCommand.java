package dev.facemark.tracker.cli;

import dev.facemark.tracker.track.TrackerParams;
import dev.facemark.tracker.tune.MotionScript.Segment;
import dev.facemark.tracker.tune.Recording;
import dev.facemark.tracker.tune.TrackingScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tracker motion-score}: how well the tracker, as configured, holds a face through the motion
 * clips of {@code tune-smoothing} (300-W training faces moved still, smooth and fast): the share of
 * frames with an answer, NME per kind of motion and still-face jitter, against issue 15's targets.
 */
@Command(name = "motion-score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score tracking on motion clips made from 300-W training faces (see tune-smoothing): every frame of "
                + "every clip shows the face, so a frame without an answer on it is a miss. Prints the share of frames "
                + "found, NME still / smooth / fast (smoothed output, all found frames), fast over still, and still-face "
                + "jitter, with the targets: found >= 99%%, fast <= 1.15x still, jitter <= 0.3%% of the inter-ocular distance.",
                "Tracking options as for video (--crop-lead, --no-recover, --detect-every, --min-score, --no-smooth)."})
public final class MotionScoreCommand implements Callable<Integer> {
    static final double FOUND_TARGET = 0.99, FAST_TARGET = 1.15, JITTER_TARGET = 0.003;

    @Spec CommandSpec spec;

    @Mixin MotionClipOptions clips = new MotionClipOptions();

    @Mixin TrackingOptions tracking = new TrackingOptions();

    @Option(names = "--vs-before", description = "also score the tracker as it was before crop lead and same-frame recovery (--crop-lead 0 --no-recover)")
    boolean vsBefore;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        TrackerParams now = tracking.trackerParams();
        out.println("| tracker | found | found in fast | on the face | NME still | NME smooth | NME fast | fast / still | jitter | targets |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        if (vsBefore) row(out, "before (no lead, no recovery)", clips.recording(now.withCropLead(0).withRecovery(false), err), now);
        row(out, String.format(Locale.ROOT, "crop lead %s (knee %s), recovery %s", now.cropping().lead(), now.cropping().leadKnee(),
                        now.loss().recover() ? "on" : "off"),
                clips.recording(now, err), now);
        out.println("found: frames with an answer on the face; on the face: raw points within 20% of the inter-ocular distance; "
                + "NME and jitter in % of the inter-ocular distance, smoothing " + now.smoothing().spelling());
        return 0;
    }

    private static void row(PrintWriter out, String name, Recording rec, TrackerParams params) {
        TrackingScore s = TrackingScore.of(rec, params.smoothing());
        boolean met = s.foundShare() >= FOUND_TARGET && s.fastOverStill() <= FAST_TARGET && s.jitter() <= JITTER_TARGET;
        out.printf(Locale.ROOT, "| %s | %.2f%% | %.2f%% | %.2f%% | %.2f | %.2f | %.2f | %.2f | %.3f | %s |%n", name,
                100 * s.foundShare(), 100 * s.fastFoundShare(), 100 * s.heldShare(), 100 * s.nme(Segment.STILL),
                100 * s.nme(Segment.SMOOTH), 100 * s.nme(Segment.FAST), s.fastOverStill(), 100 * s.jitter(), met ? "met" : "missed");
        out.flush();
    }
}
