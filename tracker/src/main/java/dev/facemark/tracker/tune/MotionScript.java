package dev.facemark.tracker.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A known motion of a face on the canvas: keyframed poses (offset of the face centre from the
 * canvas centre in pixels, roll in degrees, scale relative to the clip's base size) joined by
 * minimum-jerk moves, and a label per frame: still, smooth (slow drifts of up to 70 px and 8 degrees
 * in 1.2-2 s) or fast (quick moves of 80-180 px, to anywhere within 20 degrees of roll and 0.8-1.25x
 * scale, in 0.35-0.6 s: peaks of about 15-25 px per frame at 30 fps, as a head turning to look
 * elsewhere). Deterministic for a seed.
 */
public final class MotionScript {
    public enum Segment { STILL, SMOOTH, FAST }

    /** A pose on the canvas. */
    public record Pose(double dx, double dy, double rollDeg, double scale) { }

    /** One part of a script: a kind of motion for a number of seconds. */
    public record Part(Segment segment, double seconds) { }

    /** Pose ranges: offsets keep a face of up to 1.25x the base size inside 640x480. */
    static final double MAX_DX = 170, MAX_DY = 100, MAX_ROLL = 20, MIN_SCALE = 0.8, MAX_SCALE = 1.25;

    /** About 24 s: still, smooth, still, fast, still, smooth, fast, still. */
    public static final List<Part> STANDARD = List.of(new Part(Segment.STILL, 2.5), new Part(Segment.SMOOTH, 4),
            new Part(Segment.STILL, 2.5), new Part(Segment.FAST, 3.5), new Part(Segment.STILL, 2.5),
            new Part(Segment.SMOOTH, 3), new Part(Segment.FAST, 3.5), new Part(Segment.STILL, 2.5));
    /** 4.5 s for tests: still, fast, still. */
    public static final List<Part> SHORT = List.of(new Part(Segment.STILL, 1.5), new Part(Segment.FAST, 1.5), new Part(Segment.STILL, 1.5));

    private record Key(double t, Pose pose) { }

    private final double fps;
    private final List<Key> keys = new ArrayList<>();
    private final Segment[] labels;

    private MotionScript(double fps, int frames) {
        this.fps = fps;
        this.labels = new Segment[frames];
    }

    /** The script of {@code parts} at {@code fps}, its random moves drawn from {@code seed}. */
    public static MotionScript of(List<Part> parts, double fps, long seed) {
        double total = 0;
        for (Part p : parts) total += p.seconds();
        MotionScript s = new MotionScript(fps, (int) Math.round(total * fps));
        Random rnd = new Random(seed);
        Pose pose = new Pose(uniform(rnd, -40, 40), uniform(rnd, -30, 30), 0, 1);
        double t = 0;
        s.keys.add(new Key(0, pose));
        for (Part part : parts) {
            double end = t + part.seconds();
            for (int f = (int) Math.round(t * fps); f < Math.min(s.labels.length, Math.round(end * fps)); f++) s.labels[f] = part.segment();
            switch (part.segment()) {
                case STILL -> s.keys.add(new Key(end, pose));
                case SMOOTH -> {
                    while (t < end - 1e-9) {
                        double d = Math.min(uniform(rnd, 1.2, 2.0), end - t);
                        if (end - t - d < 0.6) d = end - t; // no stub of a move at the end
                        pose = new Pose(clamp(pose.dx() + uniform(rnd, -70, 70), MAX_DX), clamp(pose.dy() + uniform(rnd, -50, 50), MAX_DY),
                                clamp(pose.rollDeg() + uniform(rnd, -8, 8), 12), Math.max(0.9, Math.min(1.1, pose.scale() * uniform(rnd, 0.93, 1.07))));
                        t += d;
                        s.keys.add(new Key(t, pose));
                    }
                }
                case FAST -> {
                    while (t < end - 1e-9) {
                        double d = Math.min(uniform(rnd, 0.35, 0.6), end - t);
                        if (end - t - d < 0.25) d = end - t;
                        Pose next = fastTarget(rnd, pose);
                        t += d;
                        s.keys.add(new Key(t, next));
                        pose = next;
                        double hold = rnd.nextBoolean() ? uniform(rnd, 0.1, 0.2) : 0;
                        if (hold > 0 && t + hold < end - 0.25) {
                            t += hold;
                            s.keys.add(new Key(t, pose));
                        }
                    }
                }
            }
            t = end;
        }
        return s;
    }

    /** A quick move's target: anywhere in range, 80-180 px away (or 40 px and 12 degrees of roll). */
    private static Pose fastTarget(Random rnd, Pose from) {
        Pose best = null;
        for (int tries = 0; tries < 50; tries++) {
            Pose p = new Pose(uniform(rnd, -MAX_DX, MAX_DX), uniform(rnd, -MAX_DY, MAX_DY), uniform(rnd, -MAX_ROLL, MAX_ROLL),
                    Math.exp(uniform(rnd, Math.log(MIN_SCALE), Math.log(MAX_SCALE))));
            double dist = Math.hypot(p.dx() - from.dx(), p.dy() - from.dy());
            best = p;
            if (dist >= 80 && dist <= 180 || dist < 80 && Math.abs(p.rollDeg() - from.rollDeg()) >= 12 && dist >= 40) break;
        }
        return best;
    }

    private static double uniform(Random r, double lo, double hi) { return lo + (hi - lo) * r.nextDouble(); }
    private static double clamp(double v, double max) { return Math.max(-max, Math.min(max, v)); }

    public int frames() { return labels.length; }
    public double fps() { return fps; }
    public Segment segment(int frame) { return labels[frame]; }

    /** The pose at a (fractional) frame number; minimum-jerk between keyframes. */
    public Pose pose(double frame) {
        double t = frame / fps;
        if (t <= keys.get(0).t()) return keys.get(0).pose();
        for (int i = 1; i < keys.size(); i++) {
            Key k0 = keys.get(i - 1), k1 = keys.get(i);
            if (t <= k1.t()) {
                double u = k1.t() > k0.t() ? (t - k0.t()) / (k1.t() - k0.t()) : 1;
                double w = u * u * u * (10 - 15 * u + 6 * u * u);
                Pose a = k0.pose(), b = k1.pose();
                return new Pose(a.dx() + w * (b.dx() - a.dx()), a.dy() + w * (b.dy() - a.dy()),
                        a.rollDeg() + w * (b.rollDeg() - a.rollDeg()), a.scale() * Math.pow(b.scale() / a.scale(), w));
            }
        }
        return keys.get(keys.size() - 1).pose();
    }
}
