package dev.facemark.tracker.smooth;

import java.io.Serializable;
import java.util.Locale;

/**
 * How a track's landmarks are smoothed: one of the filters {@link LandmarkSmoother} runs, with its
 * settings. Speeds are measured in face sizes per second and noise in face sizes, so every setting
 * is unit-free and the same for a near and a far face.
 *
 * <p>Each kind has a one-word spelling with its numbers ({@link #spelling()}, {@link #parse}), e.g.
 * {@code one-euro:1.5,4,1}, which {@code tracker tune-smoothing} prints and takes.
 * {@link #DEFAULT} was chosen by that command on motion clips made from 300-W training faces
 * ({@code tracker/SMOOTHING.md}). Serializable, as part of the tracker parameters the batch job ships to its executors.
 */
public sealed interface SmoothingParams extends Serializable
        permits SmoothingParams.Off, SmoothingParams.OneEuro, SmoothingParams.RelativeVelocity, SmoothingParams.Kalman, SmoothingParams.Aligned {

    /** No smoothing: the raw points are passed through ({@code --no-smooth}). */
    SmoothingParams OFF = new Off();
    /** The One Euro settings shipped before the tuning (min cutoff 1.5 Hz, beta 4, derivative cutoff 1 Hz); they lag in fast motion. */
    OneEuro LEGACY = new OneEuro(1.5, 4.0, 1.0);
    /** The tuned default (see {@code tracker/SMOOTHING.md}). */
    SmoothingParams DEFAULT = new Aligned(0.1, 60.0, 2.0, 0.2, 30.0, 2.0, 0.1, 0.1);

    default boolean enabled() { return true; }

    /** The kind and its numbers, as {@link #parse} reads them. */
    String spelling();

    /** Passes raw points through. */
    record Off() implements SmoothingParams {
        @Override public boolean enabled() { return false; }
        @Override public String spelling() { return "off"; }
    }

    /**
     * A One Euro filter per coordinate (Casiez et al. 2012), speed in face sizes per second.
     *
     * @param minCutoff Hz, the cutoff of a still face
     * @param beta      how fast the cutoff rises with speed (Hz per face size per second)
     * @param dCutoff   Hz, the cutoff of the speed estimate
     */
    record OneEuro(double minCutoff, double beta, double dCutoff) implements SmoothingParams {
        public OneEuro {
            if (!(minCutoff > 0) || !(beta >= 0) || !(dCutoff > 0)) throw new IllegalArgumentException("one-euro: need min cutoff > 0, beta >= 0, derivative cutoff > 0");
        }
        @Override public String spelling() { return "one-euro:" + num(minCutoff) + "," + num(beta) + "," + num(dCutoff); }
    }

    /**
     * MediaPipe's relative velocity filter per coordinate (its face mesh: window 5, velocity scale 20):
     * the speed over the last {@code window} frames, in face sizes per second, sets the weight of the
     * new value, {@code alpha = 1 - 1 / (1 + velocityScale * |speed|)}.
     */
    record RelativeVelocity(int window, double velocityScale) implements SmoothingParams {
        public RelativeVelocity {
            if (window < 1 || window > 64 || !(velocityScale > 0)) throw new IllegalArgumentException("velocity: need 1 <= window <= 64 and velocity scale > 0");
        }
        @Override public String spelling() { return "velocity:" + window + "," + num(velocityScale); }
    }

    /**
     * A constant-velocity Kalman filter per coordinate.
     *
     * @param measurementNoise  standard deviation of a raw point, in face sizes
     * @param accelerationNoise spectral density of the (white) acceleration, in face sizes per s^2 per sqrt(Hz)
     */
    record Kalman(double measurementNoise, double accelerationNoise) implements SmoothingParams {
        public Kalman {
            if (!(measurementNoise > 0) || !(accelerationNoise > 0)) throw new IllegalArgumentException("kalman: need noises > 0");
        }
        @Override public String spelling() { return "kalman:" + num(measurementNoise) + "," + num(accelerationNoise); }
    }

    /**
     * Smoothing in a face-aligned frame: each frame's points are split into a similarity transform
     * (translation, scale, rotation: least squares onto the track's first shape) and the residual
     * shape in the face's own frame. The transform gets one adaptive (One Euro) filter whose speed is
     * that of the whole face, measured on all points at once, so it is steady when still and lets go
     * at once when the head moves; the residual shape gets adaptive filters per point group (jaw,
     * brows, nose, eyes, lips), whose speed is the group's own deformation, so a rigid head move does
     * not release them and an expression does.
     *
     * <p>Each part's cutoff is {@code min + beta * max(0, speed - deadZone)}: speeds up to the dead
     * zone (face sizes per second) are taken for noise. A One Euro filter in motion trails the input
     * by about {@code faceSize / (2 pi beta)} whatever the speed, so a small beta lags all through a
     * quick move; a large one lets the noise speed of a still face open the filter. The dead zone
     * keeps a still face at the min cutoff, so beta can be large. Speeds come from the input minus the
     * last output, so a slow creep below the dead zone builds up a residual until it passes it: about
     * {@code deadZone * faceSize * dt} (a frame's worth of the dead-zone speed) at most. 0 (the six-number
     * spelling) is the plain One Euro rule.
     */
    record Aligned(double rigidMinCutoff, double rigidBeta, double rigidDCutoff,
                   double shapeMinCutoff, double shapeBeta, double shapeDCutoff,
                   double rigidDeadZone, double shapeDeadZone) implements SmoothingParams {
        public Aligned {
            if (!(rigidMinCutoff > 0) || !(rigidBeta >= 0) || !(rigidDCutoff > 0) || !(shapeMinCutoff > 0) || !(shapeBeta >= 0) || !(shapeDCutoff > 0)
                    || !(rigidDeadZone >= 0) || !(shapeDeadZone >= 0) || Double.isInfinite(rigidDeadZone) || Double.isInfinite(shapeDeadZone)) {
                throw new IllegalArgumentException("aligned: need cutoffs > 0, betas >= 0 and finite dead zones >= 0");
            }
        }

        /** Without dead zones (the plain One Euro rule on both parts). */
        public Aligned(double rigidMinCutoff, double rigidBeta, double rigidDCutoff, double shapeMinCutoff, double shapeBeta, double shapeDCutoff) {
            this(rigidMinCutoff, rigidBeta, rigidDCutoff, shapeMinCutoff, shapeBeta, shapeDCutoff, 0, 0);
        }

        /** Six numbers without dead zones, eight with: {@code aligned:RMIN,RBETA,RDCUT,SMIN,SBETA,SDCUT[,RDEAD,SDEAD]}. */
        @Override public String spelling() {
            String s = "aligned:" + num(rigidMinCutoff) + "," + num(rigidBeta) + "," + num(rigidDCutoff) + ","
                    + num(shapeMinCutoff) + "," + num(shapeBeta) + "," + num(shapeDCutoff);
            return rigidDeadZone == 0 && shapeDeadZone == 0 ? s : s + "," + num(rigidDeadZone) + "," + num(shapeDeadZone);
        }
    }

    /**
     * Reads a spelling: {@code off}, {@code one-euro:MIN,BETA,DCUT}, {@code velocity:WINDOW,SCALE},
     * {@code kalman:R,Q}, {@code aligned:RMIN,RBETA,RDCUT,SMIN,SBETA,SDCUT[,RDEAD,SDEAD]}, or {@code default}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static SmoothingParams parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off")) return OFF;
        if (t.equals("default")) return DEFAULT;
        int colon = t.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("smoothing '" + text + "': use off, default, one-euro:MIN,BETA,DCUT, velocity:WINDOW,SCALE, kalman:R,Q or aligned:RMIN,RBETA,RDCUT,SMIN,SBETA,SDCUT[,RDEAD,SDEAD]");
        String kind = t.substring(0, colon);
        String[] parts = t.substring(colon + 1).split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("smoothing '" + text + "': '" + parts[i].strip() + "' is not a number");
            }
        }
        int need = switch (kind) {
            case "one-euro" -> 3;
            case "velocity", "kalman" -> 2;
            case "aligned" -> 6;
            default -> throw new IllegalArgumentException("smoothing '" + text + "': unknown kind '" + kind + "' (off, default, one-euro, velocity, kalman, aligned)");
        };
        if (kind.equals("aligned") && v.length == 8) need = 8; // with the dead zones
        if (v.length != need) {
            throw new IllegalArgumentException("smoothing '" + text + "': " + kind + " takes " + (kind.equals("aligned") ? "6 or 8" : need) + " numbers, got " + v.length);
        }
        try {
            return switch (kind) {
                case "one-euro" -> new OneEuro(v[0], v[1], v[2]);
                case "velocity" -> {
                    if (v[0] != Math.rint(v[0])) throw new IllegalArgumentException("the window is a whole number of frames");
                    yield new RelativeVelocity((int) v[0], v[1]);
                }
                case "kalman" -> new Kalman(v[0], v[1]);
                default -> v.length == 8 ? new Aligned(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]) : new Aligned(v[0], v[1], v[2], v[3], v[4], v[5]);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("smoothing '" + text + "': " + e.getMessage(), e);
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }
}
