package dev.facemark.trainer.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One self-overwriting status line on stderr: epoch, steps, loss, images/s and ETA for the epoch.
 * Redrawn at most a few times per second so it costs nothing next to a training step.
 */
public final class ProgressBar {
    private final PrintStream out;
    private final boolean enabled;
    private long lastDraw;

    public ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    public void update(int epoch, int epochs, int step, int steps, double loss, double imagesPerSecond, double etaSeconds) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (step < steps && now - lastDraw < 250_000_000L) return;
        lastDraw = now;
        int width = 24, filled = steps == 0 ? width : (int) ((long) width * step / steps);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        out.print(String.format(Locale.ROOT, "\repoch %d/%d [%s] %d/%d loss %.5f %.0f img/s ETA %s   ",
                epoch, epochs, bar, step, steps, loss, imagesPerSecond, clock(etaSeconds)));
        out.flush();
    }

    /** Ends the status line (so the next log line starts clean). */
    public void finish(String summary) {
        if (enabled) out.print("\r" + " ".repeat(100) + "\r");
        out.println(summary);
        out.flush();
    }

    static String clock(double s) {
        if (!Double.isFinite(s) || s < 0) return "--:--";
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
}
