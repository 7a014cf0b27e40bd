package dev.facemark.batch.job;

import dev.facemark.core.Snippet;
import dev.facemark.core.io.OpenFaceCsvWriter;
import dev.facemark.tracker.app.ErrorLine;
import dev.facemark.tracker.app.RunSummary;
import dev.facemark.tracker.app.TrackingRun;
import dev.facemark.tracker.output.OpenFaceSink;
import dev.facemark.tracker.profile.StageTimer;
import dev.facemark.tracker.source.FrameSource;
import dev.facemark.tracker.source.PrefetchSource;
import dev.facemark.tracker.source.Sources;
import dev.facemark.tracker.track.FaceTracker;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * One video in one task: the tracker's own pipeline ({@link TrackingRun} over {@link Sources#open}
 * with a {@link FaceTracker} on a pooled model), its rows streamed into the video's Parquet file
 * (and OpenFace CSV), then committed, then its status row. A video that cannot be read is a failed
 * status row, never a failed task: the job goes on. Only a status that cannot be written (the output
 * itself is broken) fails the task.
 */
final class VideoTask {
    private VideoTask() {}

    static VideoStatus run(VideoRef ref, BatchSettings s, Configuration conf) {
        long t0 = System.nanoTime();
        OutputLayout layout = new OutputLayout(s.output());
        Path lmFile = layout.landmarksFile(ref), lmTmp = OutputLayout.temp(lmFile);
        Path ofFile = s.openface() ? layout.openFaceFile(ref) : null, ofTmp = ofFile == null ? null : OutputLayout.temp(ofFile);
        FileSystem fs;
        try {
            fs = lmFile.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the output " + s.output() + ": " + e.getMessage(), e);
        }
        long[] frames = {0};
        double fps = 0;
        long faces = 0;
        String error = null;
        java.nio.file.Path local = null;
        try {
            Pipelines.Pipeline p = Pipelines.borrow(s);
            try {
                String input = ref.video();
                if (needsLocalCopy(input)) {
                    local = localCopy(input, conf);
                    input = local.toString();
                }
                Map<String, String> meta = Map.of("facemark.video", ref.video(), "facemark.model", s.model(), "facemark.model.source", p.model().source(),
                        "facemark.settings", String.join(" ", s.trackerArgs()));
                StageTimer timer = new StageTimer();
                try (FrameSource src = s.prefetch() ? new PrefetchSource(Sources.open(input, 0, 0, 0)) : Sources.open(input, 0, 0, 0);
                     Tables.LandmarkRows rows = new Tables.LandmarkRows(lmTmp, conf, ref.video(), s.model(), meta);
                     OpenFaceCsvWriter of = ofTmp == null ? null : new OpenFaceCsvWriter(
                             new BufferedWriter(new OutputStreamWriter(fs.create(ofTmp, true), StandardCharsets.UTF_8), 1 << 16),
                             ofFile.toString(), p.model().contract().points());
                     FaceTracker tracker = new FaceTracker(p.model(), p.detector(), p.params(), timer)) {
                    fps = src.fps();
                    RunSummary sum = new TrackingRun(src, tracker, timer).listener(r -> {
                        frames[0]++;
                        try {
                            rows.write(r);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (of != null) OpenFaceSink.write(of, r);
                    }).run();
                    frames[0] = sum.frames();
                    faces = rows.rows();
                }
                OutputLayout.commit(fs, lmTmp, lmFile);
                if (ofTmp != null) OutputLayout.commit(fs, ofTmp, ofFile);
            } finally {
                Pipelines.release(s, p);
            }
        } catch (Exception | LinkageError e) {
            error = message(ref, e);
            faces = 0;
            // A failed video keeps no rows: none of this attempt's, nor a copy an earlier, interrupted run may have committed.
            OutputLayout.deleteQuietly(fs, lmTmp);
            OutputLayout.deleteQuietly(fs, ofTmp);
            OutputLayout.deleteQuietly(fs, lmFile);
            OutputLayout.deleteQuietly(fs, ofFile);
        } finally {
            if (local != null) {
                try { Files.deleteIfExists(local); } catch (IOException ignored) { /* temp folder */ }
            }
        }
        VideoStatus st = new VideoStatus(ref.video(), error == null ? Tables.OK : Tables.FAILED, frames[0], faces, fps,
                (System.nanoTime() - t0) / 1e9, error);
        Path stFile = layout.statusFile(ref), stTmp = OutputLayout.temp(stFile);
        try {
            Tables.writeStatus(stTmp, conf, st);
            OutputLayout.commit(fs, stTmp, stFile);
        } catch (IOException e) {
            OutputLayout.deleteQuietly(fs, stTmp);
            throw new UncheckedIOException("cannot write the status of " + ref.video() + " to " + stFile + ": " + e.getMessage(), e);
        }
        return st;
    }

    /** Files on a Hadoop file system other than the local one are copied to a local temporary file for FFmpeg. */
    static boolean needsLocalCopy(String video) {
        String scheme = VideoInputs.scheme(video);
        return scheme != null && !scheme.equals("file") && !VideoInputs.FFMPEG_SCHEMES.contains(scheme);
    }

    private static java.nio.file.Path localCopy(String video, Configuration conf) throws IOException {
        Path src = new Path(video);
        java.nio.file.Path dir = Files.createDirectories(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "facemark-batch"));
        String name = new VideoRef(video, -1).stem();
        String ext = VideoInputs.extension(src.getName());
        java.nio.file.Path dst = Files.createTempFile(dir, name + "-", ext.isEmpty() ? ".video" : "." + ext);
        try (var in = src.getFileSystem(conf).open(src); var out = Files.newOutputStream(dst)) {
            in.transferTo(out);
        } catch (FileNotFoundException e) {
            Files.deleteIfExists(dst);
            throw new BatchException("video " + Snippet.path(video) + " does not exist; check the path or the manifest");
        } catch (IOException e) {
            Files.deleteIfExists(dst);
            throw new BatchException("cannot copy " + Snippet.path(video) + " to " + dir + ": " + Snippet.clean(e.getMessage()));
        }
        return dst;
    }

    /** One line for the status table's error column: the tracker's own messages, else what and where, never a stack trace. */
    static String message(VideoRef ref, Throwable e) {
        Throwable c = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        String m;
        if (c instanceof BatchException) m = c.getMessage();
        else if (c instanceof IOException io) m = "cannot write the rows of " + Snippet.path(ref.video()) + ": " + Snippet.clean(io.getMessage());
        else if (c instanceof LinkageError l) m = "cannot load the native libraries on this executor (" + Snippet.clean(String.valueOf(l.getMessage()))
                + "); ship the native jars for its platform (batch/README.md)";
        else m = ErrorLine.of(c);
        return Snippet.clean(m.lines().findFirst().orElse(c.getClass().getSimpleName()));
    }
}
