package dev.facemark.core.io;

import java.nio.file.Path;

/**
 * CSV tracker output, one row per face: {@code frame,time_ms,face_id,score,x0,y0,...,x{P-1},y{P-1}}.
 * A frame without faces is one row with empty face fields, so frame timing survives. Boxes, poses,
 * point scores and the source are not in this format: use JSON Lines for them.
 */
public final class LandmarkCsvWriter implements LandmarkWriter {
    private final Path path;
    private final int points;
    private final LineFile out;
    private final StringBuilder row = new StringBuilder(2048);

    public LandmarkCsvWriter(Path path, int points) {
        if (points <= 0) throw new IllegalArgumentException("points must be > 0");
        this.path = path;
        this.points = points;
        this.out = new LineFile(LandmarkWriter.openFile(path), path, path.toString());
        row.append("frame,time_ms,face_id,score");
        for (int i = 0; i < points; i++) row.append(",x").append(i).append(",y").append(i);
        emit();
    }

    @Override public Path path() { return path; }

    @Override
    public void write(LandmarkRecord r) {
        if (r.faces().isEmpty()) {
            row.append(r.frame()).append(',').append(r.timeMs()).append(",,");
            for (int i = 0; i < 2 * points; i++) row.append(',');
            emit();
            return;
        }
        for (LandmarkRecord.Face f : r.faces()) {
            if (f.points() != points) {
                throw new IllegalArgumentException("face " + f.id() + " in frame " + r.frame() + " has " + f.points()
                        + " points; " + path + " was opened for " + points);
            }
            row.append(r.frame()).append(',').append(r.timeMs()).append(',').append(f.id()).append(',').append(f.score());
            for (float v : f.landmarks()) row.append(',').append(v);
            row.append('\n');
        }
        row.setLength(row.length() - 1);
        emit();
    }

    private void emit() { out.writeRow(row); }

    @Override
    public void close() { out.close(); }
}
