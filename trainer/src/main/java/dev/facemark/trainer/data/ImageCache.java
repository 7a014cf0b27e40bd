package dev.facemark.trainer.data;

import dev.facemark.core.data.ImageLoader;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decoded training images kept in native memory up to a byte budget, so later epochs skip the JPEG
 * decode. Cached Mats are shared read-only by the worker threads; past the budget each request
 * decodes a private copy that the lease closes.
 */
public final class ImageCache implements AutoCloseable {
    private final long budget;
    private final AtomicLong used = new AtomicLong();
    private final ConcurrentHashMap<Path, Mat> cache = new ConcurrentHashMap<>();

    public ImageCache(long budgetBytes) { this.budget = budgetBytes; }

    /** A decoded BGR image; close the lease when done with it. */
    public Lease get(Path file) {
        Mat m = cache.get(file);
        if (m != null) return new Lease(m, false);
        Mat fresh = ImageLoader.readColor(file);
        long bytes = fresh.total() * fresh.elemSize();
        if (used.get() + bytes <= budget) {
            Mat prev = cache.putIfAbsent(file, fresh);
            if (prev == null) {
                used.addAndGet(bytes);
                return new Lease(fresh, false);
            }
            fresh.close();
            return new Lease(prev, false);
        }
        return new Lease(fresh, true);
    }

    public long bytesUsed() { return used.get(); }

    @Override
    public void close() {
        cache.values().forEach(Mat::close);
        cache.clear();
    }

    /** A borrowed image. */
    public record Lease(Mat mat, boolean owned) implements AutoCloseable {
        @Override public void close() { if (owned) mat.close(); }
    }
}
