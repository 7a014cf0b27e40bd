package dev.facemark.trainer.data;

import dev.facemark.core.data.Dataset;
import dev.facemark.core.geom.BoxPolicy;
import dev.facemark.core.image.Normalization;
import dev.facemark.core.points.PointScheme;
import dev.facemark.trainer.TestData;
import dev.facemark.trainer.augment.AugmentConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background pipeline gives the same batches whatever the number of worker threads, new
 * augmentations each epoch, bounded buffers that are reused, and untouched test crops for evaluation.
 */
class BatchPipelineTest {
    static final CropSpec SPEC = new CropSpec(PointScheme.IBUG_68, 48, 48, Normalization.GREY_UNIT, BoxPolicy.DEFAULT, AugmentConfig.DEFAULT);

    static List<float[][]> epoch(BatchPipeline p, int epoch, boolean train, Set<Batch> seen) {
        List<float[][]> out = new ArrayList<>();
        try (BatchPipeline.Epoch e = p.epoch(epoch, train)) {
            Batch b;
            while ((b = e.next()) != null) {
                seen.add(b);
                out.add(new float[][] {b.pixels().clone(), java.util.Arrays.copyOf(b.targets(), b.size() * b.pointValues())});
                e.release(b);
            }
            assertNull(e.next());
        }
        return out;
    }

    @Test
    void sameBatchesWhateverTheThreadsNewOnesEachEpochAndBuffersReused() {
        Dataset d = TrainingFaces.limit(TrainingFaces.load(TestData.requireRoot(), List.of("300w", "ytf")), 20, 3);
        Set<Batch> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        try (ImageCache cache = new ImageCache(64L << 20);
             BatchPipeline one = new BatchPipeline(d.samples(), SPEC, 4, 1, 2, cache, 9L);
             BatchPipeline three = new BatchPipeline(d.samples(), SPEC, 4, 3, 3, cache, 9L)) {
            List<float[][]> a = epoch(one, 0, true, seen), b = epoch(three, 0, true, Collections.newSetFromMap(new IdentityHashMap<>()));
            assertEquals(5, a.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i)[0], b.get(i)[0], "batch " + i + " pixels");
                assertArrayEquals(a.get(i)[1], b.get(i)[1], "batch " + i + " targets");
            }
            List<float[][]> next = epoch(one, 1, true, seen);
            assertNotEquals(java.util.Arrays.hashCode(a.get(0)[0]), java.util.Arrays.hashCode(next.get(0)[0]), "epoch 2 is augmented anew");
            assertTrue(seen.size() <= 2 + 2, "buffers come from a bounded pool: " + seen.size());
            assertTrue(cache.bytesUsed() > 0, "decoded images are cached");
        }
    }

    @Test
    void evaluationKeepsOrderAndPartialBatch() {
        Dataset d = TrainingFaces.limit(TrainingFaces.load(TestData.requireRoot(), List.of("300w")), 10, 4);
        try (ImageCache cache = new ImageCache(64L << 20);
             BatchPipeline p = new BatchPipeline(d.samples(), SPEC.withAugment(AugmentConfig.NONE), 4, 2, 2, cache, 1L);
             BatchPipeline.Epoch e = p.epoch(0, false)) {
            int seen = 0;
            Batch b;
            while ((b = e.next()) != null) {
                for (int r = 0; r < b.size(); r++) {
                    assertEquals(seen + r, b.sampleIndex()[r], "dataset order");
                    var crop = BoxPolicy.DEFAULT.testCrop(d.get(seen + r).landmarkBox(), 0f, 48, 48);
                    float[] expect = crop.toInput(d.get(seen + r).points());
                    for (int k = 0; k < expect.length; k++) assertEquals(expect[k], b.targets()[r * 136 + k], 1e-4);
                }
                seen += b.size();
                e.release(b);
            }
            assertEquals(10, seen, "the last partial batch is kept for evaluation");
        }
    }
}
