package dev.facemark.tracker.cli;

import dev.facemark.core.io.LandmarkCsvWriter;
import dev.facemark.core.io.LandmarkJsonlWriter;
import dev.facemark.core.io.LandmarkWriter;
import dev.facemark.tracker.app.UserError;
import dev.facemark.tracker.output.FrameSink;
import dev.facemark.tracker.output.OpenFaceSink;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** Where results go and whether to show timings. */
public final class OutputOptions {
    /** Landmark file formats: the JSON Lines and CSV of {@code core.io}, and OpenFace 2.2's CSV columns. */
    public enum LandmarkFormat { jsonl, csv, openface }

    @Option(names = "--landmarks", paramLabel = "OUT.jsonl|OUT.csv", description = "write landmarks per frame (JSON Lines, or CSV by extension; see --format)")
    Path landmarks;

    @Option(names = "--format", paramLabel = "jsonl|csv|openface",
            description = "format of the --landmarks file (default: by its extension, .csv is CSV, anything else JSON Lines); "
                    + "openface: OpenFace 2.2's CSV columns frame, face_id, timestamp, confidence, success, pose_Tx..pose_Rz, x_0..x_67, y_0..y_67, "
                    + "in OpenFace's conventions (1-based frames, seconds, millimetres, radians)")
    LandmarkFormat format;

    @Option(names = "--output", paramLabel = "OUT", description = "annotated output (video: OUT.mp4; image: OUT.png, or a folder for an image folder)")
    Path output;

    @Option(names = "--profile", description = "print per-stage timings (p50/p99) at the end")
    boolean profile;

    /** The format the landmark file is written in: {@code --format}, else by extension. */
    LandmarkFormat landmarkFormat() {
        if (format != null) return format;
        return landmarks != null && landmarks.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? LandmarkFormat.csv : LandmarkFormat.jsonl;
    }

    /** The JSONL or CSV writer for {@code --landmarks}, or null: none asked for, or OpenFace CSV (see {@link #openFaceSink}). */
    LandmarkWriter openLandmarks(int points) {
        if (landmarks == null) {
            if (format != null) throw new UserError("--format " + format + " needs --landmarks OUT: the file to write");
            return null;
        }
        return switch (landmarkFormat()) {
            case jsonl -> new LandmarkJsonlWriter(landmarks);
            case csv -> new LandmarkCsvWriter(landmarks, points);
            case openface -> null;
        };
    }

    /** The OpenFace CSV writer for {@code --landmarks} with {@code --format openface}, else null. */
    FrameSink openFaceSink(int points) {
        return landmarks != null && landmarkFormat() == LandmarkFormat.openface ? new OpenFaceSink(landmarks, points) : null;
    }
}
