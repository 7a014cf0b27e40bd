package dev.facemark.tracker.source;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Decodes ahead on its own thread, so that on a multi-core machine FFmpeg's decoding of frame n+1
 * overlaps the tracking of frame n. Frames are copied into a small pool of reused Mats (a
 * decoder's frame buffer is only valid until its next grab); a failure of the inner source is
 * delivered in order, after the frames decoded before it.
 */
public final class PrefetchSource implements FrameSource {
    private static final int DEPTH = 3;

    private final FrameSource inner;
    private final BlockingQueue<Item> ready = new ArrayBlockingQueue<>(DEPTH + 2);
    private final BlockingQueue<Mat> free = new ArrayBlockingQueue<>(DEPTH + 2);
    private final Thread thread;
    private final CountDownLatch exited = new CountDownLatch(1);
    private Mat lent;
    private boolean ended;
    private volatile boolean closing;

    private record Item(SourceFrame frame, RuntimeException error) {}

    public PrefetchSource(FrameSource inner) {
        this.inner = inner;
        // DEPTH + 1: DEPTH queued frames plus the one the consumer holds.
        for (int i = 0; i < DEPTH + 1; i++) free.add(new Mat());
        thread = new Thread(this::decode, "prefetch-" + inner.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void decode() {
        try {
            while (!closing) {
                Mat m = free.take();
                SourceFrame f;
                try {
                    f = inner.next();
                } catch (RuntimeException e) {
                    ready.put(new Item(null, e));
                    return;
                }
                if (f == null) {
                    ready.put(new Item(null, null));
                    return;
                }
                f.bgr().copyTo(m);
                ready.put(new Item(new SourceFrame(f.index(), f.timeMs(), m, f.name()), null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exited.countDown();
        }
    }

    @Override
    public SourceFrame next() {
        if (ended) return null;
        if (lent != null) {
            free.add(lent);
            lent = null;
        }
        Item item;
        try {
            item = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while reading " + inner.name());
        }
        if (item.frame() == null) {
            ended = true;
            if (item.error() != null) throw item.error();
            return null;
        }
        lent = item.frame().bgr();
        return item.frame();
    }

    @Override public String name() { return inner.name(); }
    @Override public double fps() { return inner.fps(); }
    @Override public long frameCount() { return inner.frameCount(); }
    @Override public boolean live() { return inner.live(); }
    @Override public int height() { return inner.height(); }

    /**
     * Stops the decoder thread and closes the inner source. A thread still blocked inside the inner
     * source after a few seconds (a network read waiting out its timeout) keeps it: the inner source
     * and the frame pool are then closed by a helper as soon as that thread has left, never under it.
     */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        boolean done;
        try {
            done = exited.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (done) {
            release();
            return;
        }
        Thread later = new Thread(() -> {
            try {
                exited.await();
                release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "prefetch-close-" + inner.name());
        later.setDaemon(true);
        later.start();
    }

    private void release() {
        inner.close();
        if (lent != null) lent.close();
        for (Item i : ready) if (i.frame() != null) i.frame().bgr().close();
        for (Mat m : free) m.close();
    }
}
