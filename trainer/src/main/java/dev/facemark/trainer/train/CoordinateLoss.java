package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.facemark.trainer.model.NativeConstants;

import java.util.Locale;

/**
 * L1 or squared error between predicted and true landmark coordinates, both divided by the input
 * size so the loss does not depend on resolution (1.0 = one input width).
 */
public enum CoordinateLoss {
    L1, MSE;

    /** Parses the command line's and config.json's spelling ("l1", "mse" or "l2", any case). */
    @JsonCreator
    public static CoordinateLoss parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "l1" -> L1;
            case "mse", "l2" -> MSE;
            default -> throw new IllegalArgumentException("unknown loss '" + s + "'; use l1 or mse");
        };
    }

    @JsonValue
    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }

    /** Mean loss over batch, points and x/y; {@code pred} and {@code target} are [N, P, 2] input pixels. */
    public NDArray compute(NDArray pred, NDArray target, float inputSize) {
        // Not divi(Number): backward needs the divisor, and DJL's Java-backed scalar may be freed by then.
        NDArray d = pred.sub(target).div(NativeConstants.scalar(pred.getManager(), inputSize, pred.getDataType()));
        return this == L1 ? d.abs().mean() : d.square().mean();
    }
}
