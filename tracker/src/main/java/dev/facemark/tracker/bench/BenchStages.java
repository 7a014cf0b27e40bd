package dev.facemark.tracker.bench;

import dev.facemark.tracker.profile.Stage;

import java.util.Locale;

/** The names the bench gives the pipeline's stages in its JSON and charts. */
public final class BenchStages {
    private BenchStages() {}

    /** JSON key of a stage: its enum name in lower case ("inference", "smooth_pose"). */
    public static String key(Stage s) { return s.name().toLowerCase(Locale.ROOT); }

    /** The per-frame stages (everything but the whole frame, which is reported as e2e). */
    public static Stage[] perFrame() {
        return java.util.Arrays.stream(Stage.values()).filter(s -> s != Stage.FRAME).toArray(Stage[]::new);
    }
}
