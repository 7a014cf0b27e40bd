package dev.facemark.tracker.app;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr for video files: frames, fps, ETA; redrawn at most 5 times a second. */
public final class ProgressBar {
    private final PrintWriter out;
    private final long total;
    private final long startNs = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(PrintWriter out, long total) {
        this.out = out;
        this.total = total;
    }

    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        draw(done, now);
    }

    private void draw(long done, long now) {
        double s = (now - startNs) / 1e9, fps = s > 0 ? done / s : 0;
        StringBuilder sb = new StringBuilder("\r");
        if (total > 0) {
            int width = 30, fill = (int) Math.min(width, width * done / total);
            sb.append('[').append("=".repeat(fill)).append(" ".repeat(width - fill)).append("] ");
            sb.append(String.format(Locale.ROOT, "%d/%d frames %5.0f fps ETA %s", done, total, fps,
                    fps > 0 ? time(Math.max(0, total - done) / fps) : "?"));
        } else {
            sb.append(String.format(Locale.ROOT, "%d frames %5.0f fps", done, fps));
        }
        out.print(sb);
        out.flush();
        drawn = true;
    }

    static String time(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Final state and a newline. */
    public void finish(long done) {
        draw(done, System.nanoTime());
        if (drawn) out.println();
    }
}
