package dev.facemark.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * JSON Lines tracker output, exactly one object per line:
 * <pre>{"frame":0,"time_ms":0.0,"source":"cam","faces":[{"id":1,"box":[x,y,w,h],"score":0.97,
 * "landmarks":[[x0,y0],...],"pose":{"yaw":0,"pitch":0,"roll":0},"point_scores":[...]}]}</pre>
 * {@code source}, {@code box}, {@code pose} and {@code point_scores} are written only when present.
 */
public final class LandmarkJsonlWriter implements LandmarkWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path path;
    private final LineFile out;
    private final StringWriter line = new StringWriter(4096);

    public LandmarkJsonlWriter(Path path) {
        this.path = path;
        this.out = new LineFile(LandmarkWriter.openFile(path), path, path.toString());
    }

    @Override public Path path() { return path; }

    @Override
    public void write(LandmarkRecord r) {
        line.getBuffer().setLength(0);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeNumberField("frame", r.frame());
            g.writeNumberField("time_ms", r.timeMs());
            if (r.source() != null) g.writeStringField("source", r.source());
            g.writeArrayFieldStart("faces");
            for (LandmarkRecord.Face f : r.faces()) writeFace(g, f);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new LandmarkFileException(path, "cannot encode frame " + r.frame() + ": " + e.getMessage(), e);
        }
        out.writeLine(line.getBuffer());
    }

    private static void writeFace(JsonGenerator g, LandmarkRecord.Face f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", f.id());
        if (f.box() != null) {
            g.writeArrayFieldStart("box");
            for (float v : f.box()) g.writeNumber(v);
            g.writeEndArray();
        }
        g.writeNumberField("score", f.score());
        g.writeArrayFieldStart("landmarks");
        float[] p = f.landmarks();
        for (int i = 0; i < p.length; i += 2) {
            g.writeStartArray();
            g.writeNumber(p[i]);
            g.writeNumber(p[i + 1]);
            g.writeEndArray();
        }
        g.writeEndArray();
        if (f.pose() != null) {
            g.writeObjectFieldStart("pose");
            g.writeNumberField("yaw", f.pose()[0]);
            g.writeNumberField("pitch", f.pose()[1]);
            g.writeNumberField("roll", f.pose()[2]);
            g.writeEndObject();
        }
        if (f.pointScores() != null) {
            g.writeArrayFieldStart("point_scores");
            for (float v : f.pointScores()) g.writeNumber(v);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    @Override
    public void close() { out.close(); }
}
