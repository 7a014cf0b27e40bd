package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.facemark.core.metrics.LandmarkErrors;
import dev.facemark.trainer.data.Batch;
import dev.facemark.trainer.data.BatchPipeline;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One pass over the validation split: the mean loss (the training loss's own formula) and the mean NME
 * (core's metric; inter-ocular, measured in the crop: crops are similarities, so NME is unchanged).
 */
final class Validation {
    record Result(double loss, double nme) { }

    private Validation() {}

    static Result run(Trainer trainer, BatchPipeline val, CoordinateLoss lossFn, float size) {
        if (val.samples().isEmpty()) return new Result(Double.NaN, Double.NaN);
        double lossSum = 0, nmeSum = 0;
        int count = 0;
        int pv = val.spec().pointValues();
        try (BatchPipeline.Epoch e = val.epoch(0, false)) {
            Batch b;
            while ((b = e.next()) != null) {
                int n = b.size();
                float[] pred, t = b.targets();
                try (NDManager sm = trainer.getManager().newSubManager()) {
                    NDArray x = sm.create(FloatBuffer.wrap(b.pixels(), 0, n * b.sampleValues()),
                            new Shape(n, val.spec().normalization().channels(), val.spec().height(), val.spec().width()));
                    NDArray out = trainer.evaluate(new NDList(x)).get(0);
                    NDArray y = sm.create(FloatBuffer.wrap(t, 0, n * pv), out.getShape());
                    lossSum += lossFn.compute(out, y, size).getFloat() * n;
                    pred = out.toFloatArray();
                }
                for (int r = 0; r < n; r++) {
                    nmeSum += LandmarkErrors.nme(Arrays.copyOfRange(pred, r * pv, (r + 1) * pv),
                            Arrays.copyOfRange(t, r * pv, (r + 1) * pv), b.normaliser()[r]);
                    count++;
                }
                e.release(b);
            }
        }
        return new Result(lossSum / count, nmeSum / count);
    }
}
