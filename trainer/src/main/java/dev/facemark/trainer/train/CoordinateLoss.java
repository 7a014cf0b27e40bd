package dev.facemark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.facemark.trainer.model.NativeConstants;

import java.util.Locale;

/**
 * Error between predicted and true landmark coordinates, both divided by the input size so the loss does not
 * depend on resolution (1.0 = one input width): L1, squared, or the wing loss of Feng et al. (CVPR 2018).
 *
 * <p>Wing is {@code w ln(1 + |x| / eps)} below {@code w} and L1 shifted to join it above: for errors a fraction of
 * a pixel to a few pixels, where a tracker that is already close spends its error budget, its gradient is up to
 * {@code w / eps} = 5 times L1's, so small errors are not drowned out by the few faces that are far off. Its
 * {@code w} and {@code eps} are the paper's 10 and 2 pixels at a 128-px input, scaled with the input.
 */
public enum CoordinateLoss {
    L1, MSE, WING;

    /** Wing's width and curvature, as fractions of the input size. */
    static final float WING_W = 10f / 128f, WING_EPS = 2f / 128f;

    /** Parses the command line's and config.json's spelling ("l1", "mse" or "l2", "wing", any case). */
    @JsonCreator
    public static CoordinateLoss parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "l1" -> L1;
            case "mse", "l2" -> MSE;
            case "wing" -> WING;
            default -> throw new IllegalArgumentException("unknown loss '" + s + "'; use l1, mse or wing");
        };
    }

    @JsonValue
    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }

    /** Mean loss over batch, points and x/y; {@code pred} and {@code target} are [N, P, 2] input pixels. */
    public NDArray compute(NDArray pred, NDArray target, float inputSize) {
        NDManager m = pred.getManager();
        DataType t = pred.getDataType();
        // Not divi(Number) and friends: backward needs each constant, and DJL's Java-backed scalar may be freed by then.
        NDArray d = pred.sub(target).div(NativeConstants.scalar(m, inputSize, t));
        return switch (this) {
            case L1 -> d.abs().mean();
            case MSE -> d.square().mean();
            case WING -> wing(d.abs(), m, t).mean();
        };
    }

    /** w ln(1 + min(a, w) / eps) + max(a - w, 0): the log branch below w, slope 1 above, continuous at w. */
    private static NDArray wing(NDArray a, NDManager m, DataType t) {
        NDArray w = NativeConstants.scalar(m, WING_W, t);
        NDArray near = a.minimum(w).div(NativeConstants.scalar(m, WING_EPS, t)).add(NativeConstants.scalar(m, 1f, t)).log().mul(w);
        NDArray far = a.sub(w).maximum(NativeConstants.scalar(m, 0f, t));
        return near.add(far);
    }
}
