package dev.facemark.trainer.data;

import dev.facemark.core.data.DataFormatException;
import dev.facemark.core.data.FaceSample;
import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.geom.FaceBox;
import dev.facemark.core.metrics.Normalizer;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.augment.Augmenter;
import dev.facemark.trainer.BadInputException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes and augments batches AHEAD of the training step on a small pool of worker threads, so the
 * model never waits for JPEG decoding. At most {@code prefetch} batches are in flight (a bounded
 * pipeline); batch buffers come from a fixed pool and are handed back with {@link Epoch#release}.
 *
 * <p>Reproducible: the batch order of an epoch comes from (seed, epoch) and each sample's random
 * augmentation from (seed, epoch, sample), so thread timing never changes what is produced.
 */
public final class BatchPipeline implements AutoCloseable {
    private final List<FaceSample> samples;
    private final CropSpec spec;
    private final int batchSize, prefetch;
    private final ImageCache images;
    private final long seed;
    private final ExecutorService workers;
    private final ArrayBlockingQueue<Batch> free;
    private final List<Augmenter> augmenters = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Augmenter> augmenter;
    private DetectorBoxes detectorBoxes;
    private float detectorFraction;

    public BatchPipeline(List<FaceSample> samples, CropSpec spec, int batchSize, int threads, int prefetch,
                         ImageCache images, long seed) {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be > 0");
        this.samples = List.copyOf(samples);
        this.spec = spec;
        this.batchSize = batchSize;
        this.prefetch = Math.max(1, prefetch);
        this.images = images;
        this.seed = seed;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "batch-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.free = new ArrayBlockingQueue<>(this.prefetch + 2);
        for (int i = 0; i < this.prefetch + 2; i++) free.add(new Batch(batchSize, spec.sampleValues(), spec.pointValues()));
        this.augmenter = ThreadLocal.withInitial(() -> {
            Augmenter a = spec.newAugmenter();
            augmenters.add(a);
            return a;
        });
    }

    /** Uses calibrated detector boxes instead of landmark boxes for this fraction of training crops. */
    public BatchPipeline withDetectorBoxes(DetectorBoxes boxes, float fraction) {
        this.detectorBoxes = boxes;
        this.detectorFraction = fraction;
        return this;
    }

    public List<FaceSample> samples() { return samples; }
    public CropSpec spec() { return spec; }

    /** Batches in an epoch: training drops the last partial batch (fixed shapes), evaluation keeps it. */
    public int batchCount(boolean train) {
        return train ? samples.size() / batchSize : (samples.size() + batchSize - 1) / batchSize;
    }

    /**
     * One pass over the samples. {@code train}: shuffled order, random augmentation, full batches only;
     * otherwise dataset order and the plain test crop.
     */
    public Epoch epoch(int epoch, boolean train) {
        List<Integer> order = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) order.add(i);
        if (train) Collections.shuffle(order, new Random(mix(seed, epoch, -1)));
        return new Epoch(order, epoch, train);
    }

    /** The batch stream of one epoch. Use from one thread. */
    public final class Epoch implements AutoCloseable {
        private final List<Integer> order;
        private final int epoch, batches;
        private final boolean train;
        private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
        private int submitted;

        Epoch(List<Integer> order, int epoch, boolean train) {
            this.order = order;
            this.epoch = epoch;
            this.train = train;
            this.batches = batchCount(train);
        }

        public int batches() { return batches; }

        /** The next batch (blocks until it is ready), or null at the end of the epoch. */
        public Batch next() {
            topUp();
            try {
                if (inFlight.isEmpty() && submitted < batches) {
                    // Every buffer is out with the caller: wait for one to come back.
                    free.offer(free.take());
                    topUp();
                }
                Future<Batch> f = inFlight.poll();
                if (f == null) return null;
                Batch b = f.get();
                topUp();
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof DataFormatException d) throw new BadInputException(d.getMessage());
                if (c instanceof RuntimeException r) throw r;
                throw new IllegalStateException(c);
            }
        }

        /** Hands a batch's buffers back for reuse. */
        public void release(Batch b) { free.offer(b); }

        private void topUp() {
            while (submitted < batches && inFlight.size() < prefetch) {
                Batch b = free.poll();
                if (b == null) break; // caller still holds buffers: stay bounded
                int from = submitted * batchSize, to = Math.min(order.size(), from + batchSize);
                inFlight.add(workers.submit(() -> fill(b, from, to)));
                submitted++;
            }
        }

        private Batch fill(Batch b, int from, int to) {
            Augmenter aug = augmenter.get();
            int sv = spec.sampleValues(), pv = spec.pointValues();
            for (int r = 0; r < to - from; r++) {
                int idx = order.get(from + r);
                FaceSample s = samples.get(idx);
                SplittableRandom rng = train ? new SplittableRandom(mix(seed, epoch, idx)) : null;
                CropTransform crop;
                FaceBox ref = s.landmarkBox();
                if (train && detectorBoxes != null && rng.nextDouble() < detectorFraction) {
                    FaceBox d = detectorBoxes.landmarkBoxOf(s);
                    if (d != null) ref = d;
                }
                try (ImageCache.Lease img = images.get(s.image())) {
                    crop = aug.render(img.mat(), spec.targetsOf(s.points()), ref, rng,
                            b.pixels(), r * sv, b.targets(), r * pv);
                }
                b.sampleIndex()[r] = idx;
                b.normaliser()[r] = interOcular(s.points(), crop);
            }
            b.setSize(to - from);
            return b;
        }

        @Override
        public void close() {
            for (Future<Batch> f : inFlight) {
                try { free.offer(f.get()); } catch (Exception ignored) { /* the epoch is over either way */ }
            }
            inFlight.clear();
        }
    }

    /** The NME normaliser (outer-eye-corner distance) of a 68-point face mapped into the crop, input pixels. */
    static float interOcular(float[] ibug68, CropTransform crop) {
        return (float) Normalizer.INTER_OCULAR.distance(PointScheme.IBUG_68, crop.toInput(ibug68));
    }

    static long mix(long seed, int epoch, int sample) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + sample * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try { workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        augmenters.forEach(Augmenter::close);
    }
}
