package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.facemark.trainer.data.Batch;
import dev.facemark.trainer.data.BatchPipeline;
import dev.facemark.trainer.model.ArchConfig;
import dev.facemark.trainer.model.Head;
import dev.facemark.trainer.data.CropSpec;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One optimisation step on one batch: forward, coordinate loss (plus the heatmap prior and the teacher's terms, when
 * on), backward, the gradient guard's verdict,
 * the optimiser's update (which clears the gradients for the next step). Every array of the step lives on a
 * manager of its own that closes with the step.
 */
record TrainStep(Trainer trainer, ArchConfig arch, CropSpec spec, CoordinateLoss loss, float inputSize, GradientGuard guard,
                 HeatmapPrior prior, Head.Heatmaps maps, Teacher teacher) {

    /** {@code prior} applies only to heatmap heads ({@code maps} non-null); {@code teacher} is null without distillation. */
    TrainStep {
        if (prior.on() && maps == null) throw new IllegalArgumentException("the heatmap prior needs a heatmap head");
    }

    /** The step's loss and what the guard made of it. */
    record Result(float loss, GradientGuard.Outcome outcome) { }

    Result run(Batch b, BatchPipeline.Epoch epoch) {
        int n = b.size();
        try (NDManager sm = trainer.getManager().newSubManager()) {
            NDArray x = sm.create(FloatBuffer.wrap(b.pixels(), 0, n * b.sampleValues()),
                    new Shape(n, arch.channels(), arch.height(), arch.width()));
            NDArray y = sm.create(FloatBuffer.wrap(b.targets(), 0, n * b.pointValues()),
                    new Shape(n, spec.scheme().count(), 2));
            // The batch goes back to the pipeline now: keep the targets the prior reads.
            float[] targets = prior.on() ? Arrays.copyOf(b.targets(), n * b.pointValues()) : null;
            epoch.release(b);
            NDList taught = teacher == null ? null : teacher.predict(x); // outside the collector: no graph
            float l;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x));
                NDArray value = loss.compute(out.get(0), y, inputSize);
                if (targets != null) value = value.add(prior.compute(out.get(1), targets, maps));
                if (taught != null) value = value.add(teacher.loss(out, taught, loss, inputSize));
                gc.backward(value);
                l = value.getFloat();
            }
            List<NDArray> grads = gradients(trainer);
            GradientGuard.Outcome o;
            try {
                o = guard.check(l, grads);
            } finally {
                grads.forEach(NDArray::close); // handles only: the parameters keep their gradients
            }
            // ResumableAdam's step clears the gradients it used; a skipped step's are cleared here.
            if (o != GradientGuard.Outcome.SKIPPED) trainer.step(); else zeroGradients(trainer);
            return new Result(l, o);
        }
    }

    /** New handles on the parameters' gradients (closing them leaves the gradients). */
    static List<NDArray> gradients(Trainer trainer) {
        List<NDArray> g = new ArrayList<>();
        for (var p : trainer.getModel().getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient()) g.add(a.getGradient());
        }
        return g;
    }

    /**
     * PyTorch adds each backward pass into the parameters' gradients, and DJL hands the optimizer a copy,
     * so nothing clears them: without this every step would use the sum of all past gradients. A fill, not
     * {@code g - g}, so that a skipped NaN gradient is cleared too. DJL's fill makes a scalar array on the
     * manager of the array it fills, here the model's, which lives as long as the run: one scalar per
     * parameter per step piled up there (118 a step for {@code fast}, and the OOM killer ended a 16-epoch
     * run at 23 GB). So the handle moves to a manager of its own first, and the scalar goes with it.
     */
    static void zeroGradients(Trainer trainer) {
        for (NDArray g : gradients(trainer)) {
            try (NDManager scratch = NDManager.newBaseManager(g.getDevice())) {
                g.attach(scratch);
                g.set(ALL, 0f);
            }
        }
    }

    private static final NDIndex ALL = new NDIndex(":");
}
