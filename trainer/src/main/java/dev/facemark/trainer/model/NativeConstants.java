package dev.facemark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Constants for differentiable code, held in memory that libtorch owns.
 *
 * <p>DJL 0.36's PyTorch engine wraps Java data without copying it ({@code torch::from_blob} over a direct
 * ByteBuffer that only the Java NDArray keeps alive), and its scalar overloads ({@code mul(Number)},
 * {@code divi(Number)}, {@code minimum(Number)}, so also {@code Activation.relu6}) close that scalar as soon as
 * the op returns. Autograd keeps the scalar for the backward pass (the factor of a product, the bound of a
 * minimum). When the garbage collector frees the buffer between forward and backward and malloc hands the
 * memory out again, backward reads whatever is there: ReLU6 passed no gradient, so every layer below it got
 * exactly zero, and the loss's division by the input size scaled the whole gradient by garbage (the NaN and
 * non-reproducible runs of issue 16; {@code BackwardRepeatProbe}). A constant made here is a libtorch
 * allocation, which autograd's own reference keeps alive for as long as it needs it.
 */
public final class NativeConstants {
    private NativeConstants() {}

    /** A 0-d tensor of {@code value}, allocated by libtorch. */
    public static NDArray scalar(NDManager m, float value, DataType type) {
        return m.full(new Shape(), value, type);
    }

    /** A tensor of {@code values}, copied into libtorch's memory (the Java-backed view is closed at once). */
    public static NDArray of(NDManager m, float[] values, Shape shape) {
        try (NDArray view = m.create(values, shape)) {
            return view.duplicate();
        }
    }
}
