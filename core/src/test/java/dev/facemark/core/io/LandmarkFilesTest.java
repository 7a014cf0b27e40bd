package dev.facemark.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LandmarkFilesTest {
    @TempDir Path dir;

    static LandmarkRecord.Face face(Random r, int id, boolean extras) {
        float[] lm = new float[136];
        for (int i = 0; i < lm.length; i++) lm[i] = 100 + r.nextFloat() * 200;
        float[] ps = null;
        if (extras) {
            ps = new float[68];
            for (int i = 0; i < 68; i++) ps[i] = r.nextFloat();
        }
        return new LandmarkRecord.Face(id, extras ? new float[] {10.5f, 20.25f, 120f, 130f} : null, r.nextFloat(), lm,
                extras ? new float[] {-12.5f, 3.25f, 0.5f} : null, ps);
    }

    static List<LandmarkRecord> frames(boolean extras) {
        Random r = new Random(5);
        List<LandmarkRecord> out = new ArrayList<>();
        out.add(new LandmarkRecord(0, 0.0, extras ? "webcam_talking.mp4" : null, List.of(face(r, 1, extras))));
        out.add(new LandmarkRecord(1, 33.366666, extras ? "webcam_talking.mp4" : null, List.of()));
        out.add(new LandmarkRecord(2, 66.7333, null, List.of(face(r, 1, extras), face(r, 7, extras))));
        return out;
    }

    @Test
    void jsonlIsOneObjectPerLineInTheDocumentedShape() throws Exception {
        Path f = dir.resolve("out.jsonl");
        try (LandmarkWriter w = LandmarkWriter.open(f, 68)) {
            assertInstanceOf(LandmarkJsonlWriter.class, w);
            for (LandmarkRecord rec : frames(true)) w.write(rec);
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals(3, lines.size());
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines.get(0));
        assertEquals(0, first.get("frame").asInt());
        assertEquals(0.0, first.get("time_ms").asDouble());
        assertEquals("webcam_talking.mp4", first.get("source").asText());
        JsonNode face = first.get("faces").get(0);
        assertEquals(1, face.get("id").asInt());
        assertEquals(4, face.get("box").size());
        assertEquals(10.5, face.get("box").get(0).asDouble());
        assertTrue(face.get("score").isNumber());
        assertEquals(68, face.get("landmarks").size());
        assertEquals(2, face.get("landmarks").get(67).size());
        assertEquals(-12.5, face.get("pose").get("yaw").asDouble());
        assertEquals(3.25, face.get("pose").get("pitch").asDouble());
        assertEquals(0.5, face.get("pose").get("roll").asDouble());
        assertEquals(68, face.get("point_scores").size());
        assertEquals(0, m.readTree(lines.get(1)).get("faces").size());
        assertFalse(m.readTree(lines.get(2)).has("source"));
    }

    @Test
    void jsonlRoundTripIsExact() {
        for (boolean extras : new boolean[] {true, false}) {
            Path f = dir.resolve("rt" + extras + ".jsonl");
            try (LandmarkWriter w = new LandmarkJsonlWriter(f)) {
                for (LandmarkRecord rec : frames(extras)) w.write(rec);
            }
            assertEquals(frames(extras), LandmarkReader.read(f));
        }
    }

    @Test
    void csvRoundTripKeepsLandmarksScoresAndEmptyFrames() throws Exception {
        Path f = dir.resolve("out.csv");
        try (LandmarkWriter w = LandmarkWriter.open(f, 68)) {
            assertInstanceOf(LandmarkCsvWriter.class, w);
            for (LandmarkRecord rec : frames(false)) w.write(rec);
        }
        List<String> lines = Files.readAllLines(f);
        assertTrue(lines.get(0).startsWith("frame,time_ms,face_id,score,x0,y0,x1,y1,"));
        assertTrue(lines.get(0).endsWith(",x67,y67"));
        assertEquals(1 + 1 + 1 + 2, lines.size(), "header, face, empty frame, two faces");
        assertEquals(frames(false), LandmarkReader.read(f));
        // Extras are not in the CSV: only id, score and landmarks come back.
        Path g = dir.resolve("extras.csv");
        try (LandmarkWriter w = LandmarkWriter.open(g, 68)) {
            for (LandmarkRecord rec : frames(true)) w.write(rec);
        }
        LandmarkRecord.Face back = LandmarkReader.read(g).get(0).faces().get(0), orig = frames(true).get(0).faces().get(0);
        assertArrayEquals(orig.landmarks(), back.landmarks());
        assertEquals(orig.score(), back.score());
        assertNull(back.pose());
    }

    @Test
    void everyLineIsOnDiskBeforeWriteReturns() throws Exception {
        Path f = dir.resolve("live.jsonl");
        Path c = dir.resolve("live.csv");
        LandmarkWriter w = LandmarkWriter.open(f, 68), wc = LandmarkWriter.open(c, 68);
        try {
            List<LandmarkRecord> fr = frames(true);
            for (int i = 0; i < fr.size(); i++) {
                w.write(fr.get(i));
                wc.write(fr.get(i));
                // Read through another handle without closing the writer (a crash now loses nothing).
                assertEquals(i + 1, Files.readAllLines(f).size());
                assertEquals(fr.subList(0, i + 1), LandmarkReader.read(f));
                assertEquals(i + 1, LandmarkReader.read(c).size());
            }
        } finally {
            w.close();
            wc.close();
        }
    }

    @Test
    void unwritablePathsGiveOneLineNamingThePath() throws Exception {
        Path noDir = dir.resolve("missing/sub/out.jsonl");
        LandmarkFileException e = assertThrows(LandmarkFileException.class, () -> new LandmarkJsonlWriter(noDir));
        assertTrue(e.getMessage().contains(noDir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(noDir, e.path());
        LandmarkFileException d = assertThrows(LandmarkFileException.class, () -> new LandmarkCsvWriter(dir, 68));
        assertTrue(d.getMessage().contains(dir.toString()) && d.getMessage().contains("folder"), d.getMessage());
    }

    @Test
    void malformedFilesNameFileAndLine() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"frame\":0,\"time_ms\":0,\"faces\":[]}\n{\"frame\":1,\"faces\":[]}\n");
        LandmarkFileException e = assertThrows(LandmarkFileException.class, () -> LandmarkReader.read(f));
        assertEquals(f + ":2: missing 'time_ms'", e.getMessage());
        Files.writeString(f, "{\"frame\":0,\"time_ms\":0,\"faces\":[]}\nnot json\n");
        assertTrue(assertThrows(LandmarkFileException.class, () -> LandmarkReader.read(f)).getMessage().startsWith(f + ":2: not valid JSON"));
        Files.writeString(f, "{\"frame\":0,\"time_ms\":0,\"faces\":[{\"id\":1,\"score\":1,\"landmarks\":[[1,2],[3]]}]}\n");
        assertTrue(assertThrows(LandmarkFileException.class, () -> LandmarkReader.read(f)).getMessage().contains(":1: face 1: landmark 1 is not [x, y]"));
        // Extra keys are allowed.
        Files.writeString(f, "{\"frame\":3,\"time_ms\":1.5,\"fps\":30,\"faces\":[{\"id\":2,\"score\":0.5,\"track_age\":9,\"landmarks\":[[1,2]]}]}\n");
        assertEquals(3, LandmarkReader.read(f).get(0).frame());
        Path c = dir.resolve("bad.csv");
        Files.writeString(c, "frame,time_ms,face_id,score,x0,y0\n0,0.0,1,0.9,1,2\n1,33.3,1,0.9,1\n");
        assertTrue(assertThrows(LandmarkFileException.class, () -> LandmarkReader.read(c)).getMessage().startsWith(c + ":3: expected 6 fields"));
        assertTrue(assertThrows(LandmarkFileException.class, () -> LandmarkReader.read(dir.resolve("none.jsonl"))).getMessage().contains("not found"));
    }

    @Test
    void csvWriterRefusesAFaceWithTheWrongPointCount() {
        Path f = dir.resolve("n.csv");
        try (LandmarkCsvWriter w = new LandmarkCsvWriter(f, 5)) {
            assertThrows(IllegalArgumentException.class, () -> w.write(frames(false).get(0)));
        }
    }
}
