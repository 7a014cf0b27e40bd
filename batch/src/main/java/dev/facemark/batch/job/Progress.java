package dev.facemark.batch.job;

import org.apache.spark.util.LongAccumulator;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The console's progress line, from the job's accumulators (which the driver sees as each task
 * ends): {@code batch: 12/300 videos (1 failed), 3456 frames, 187 frames/s}. A line when a video
 * is done, at most one every two seconds, and the last one at the end.
 */
final class Progress {
    private final PrintWriter err;
    private final int total;
    private final LongAccumulator done, failed, frames;
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean stopped;
    private long printed = -1;

    private Progress(PrintWriter err, int total, LongAccumulator done, LongAccumulator failed, LongAccumulator frames) {
        this.err = err;
        this.total = total;
        this.done = done;
        this.failed = failed;
        this.frames = frames;
        this.thread = new Thread(this::loop, "facemark-batch-progress");
        thread.setDaemon(true);
    }

    static Progress start(PrintWriter err, int total, LongAccumulator done, LongAccumulator failed, LongAccumulator frames) {
        Progress p = new Progress(err, total, done, failed, frames);
        p.thread.start();
        return p;
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
            print();
        }
    }

    private synchronized void print() {
        long d = done.value();
        if (d == printed || (d == 0 && !stopped)) return;
        printed = d;
        double s = (System.nanoTime() - start) / 1e9;
        long f = frames.value();
        err.println(String.format(Locale.ROOT, "batch: %d/%d videos%s, %d frames, %.0f frames/s, %.1f s", d, total,
                failed.value() > 0 ? " (" + failed.value() + " failed)" : "", f, s > 0 ? f / s : 0, s));
        err.flush();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
        print();
    }
}
