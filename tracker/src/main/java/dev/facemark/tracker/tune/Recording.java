package dev.facemark.tracker.tune;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tracker answered, unsmoothed, on motion clips: per clip and frame the ground truth, the
 * raw landmarks of the face that matched it (null: none) and that face's track id. Smoothers are
 * replayed over it offline ({@link SmoothingReplay}); {@link #write}/{@link #read} keep it under
 * /tmp between runs, keyed by the settings that made it.
 */
public record Recording(String key, List<Clip> clips) {

    /** One clip: {@code raw[f] == null} where no tracked face matched the truth. */
    public record Clip(String name, double fps, MotionScript.Segment[] segments, float[][] truth, float[][] raw, int[] trackIds) {
        public int frames() { return truth.length; }
        /** Seconds at frame f, computed as the tracker gets it (milliseconds, then seconds), so a replay is exact. */
        public double time(int f) { return timeMs(f, fps) / 1000.0; }

        public int found() {
            int n = 0;
            for (float[] r : raw) if (r != null) n++;
            return n;
        }
    }

    /** The time stamp {@link ClipRecorder} gives the tracker for frame f. */
    static double timeMs(int f, double fps) { return 1000.0 * f / fps; }

    public int frames() {
        int n = 0;
        for (Clip c : clips) n += c.frames();
        return n;
    }

    public int found() {
        int n = 0;
        for (Clip c : clips) n += c.found();
        return n;
    }

    /** The recording of these clips only. */
    public Recording subset(List<Clip> some) { return new Recording(key, some); }

    public void write(Path file) {
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            o.writeUTF(key);
            o.writeInt(clips.size());
            for (Clip c : clips) {
                o.writeUTF(c.name());
                o.writeDouble(c.fps());
                o.writeInt(c.frames());
                for (int f = 0; f < c.frames(); f++) {
                    o.writeByte(c.segments()[f].ordinal());
                    o.writeInt(c.trackIds()[f]);
                    writePoints(o, c.truth()[f]);
                    o.writeBoolean(c.raw()[f] != null);
                    if (c.raw()[f] != null) writePoints(o, c.raw()[f]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a file {@link #write} wrote; null when it is missing or was made with another key. */
    public static Recording read(Path file, String key) {
        if (!Files.isRegularFile(file)) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(key)) return null;
            int n = in.readInt();
            List<Clip> clips = new ArrayList<>(n);
            MotionScript.Segment[] kinds = MotionScript.Segment.values();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                double fps = in.readDouble();
                int frames = in.readInt();
                MotionScript.Segment[] seg = new MotionScript.Segment[frames];
                float[][] truth = new float[frames][], raw = new float[frames][];
                int[] ids = new int[frames];
                for (int f = 0; f < frames; f++) {
                    seg[f] = kinds[in.readByte()];
                    ids[f] = in.readInt();
                    truth[f] = readPoints(in);
                    if (in.readBoolean()) raw[f] = readPoints(in);
                }
                clips.add(new Clip(name, fps, seg, truth, raw, ids));
            }
            return new Recording(key, clips);
        } catch (IOException | RuntimeException e) {
            return null; // a stale or truncated cache is recorded again
        }
    }

    private static void writePoints(DataOutputStream o, float[] p) throws IOException {
        o.writeShort(p.length);
        for (float v : p) o.writeFloat(v);
    }

    private static float[] readPoints(DataInputStream in) throws IOException {
        float[] p = new float[in.readShort()];
        for (int i = 0; i < p.length; i++) p[i] = in.readFloat();
        return p;
    }
}
