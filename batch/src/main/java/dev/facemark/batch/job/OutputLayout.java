package dev.facemark.batch.job;

import dev.facemark.core.Snippet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The output folder: {@code landmarks/part-KEY.parquet} and {@code status/part-KEY.parquet} per video
 * (KEY: {@link VideoRef#key()}), {@code openface/NAME-KEY.csv} with {@code --openface}, and
 * {@code _settings.txt} (the tracking options the folder was written with).
 *
 * <p>Every file is written under a hidden temporary name ({@code .NAME.UUID.tmp}, which Spark and
 * Parquet readers skip) and renamed into place when complete, the status file last: a video whose
 * status says ok has all its files; a task killed half-way leaves only hidden files, and the video
 * is processed again on the next run, replacing whatever it had written (the next run also deletes
 * the hidden leftovers). Names depend only on the video, so a rerun or a retried task can never add a
 * second copy of a video's rows. One job at a time per output folder.
 */
final class OutputLayout {
    static final String LANDMARKS = "landmarks", STATUS = "status", OPENFACE = "openface", SETTINGS = "_settings.txt";
    final Path root;

    OutputLayout(String output) { this.root = new Path(output); }

    Path landmarksDir() { return new Path(root, LANDMARKS); }
    Path statusDir() { return new Path(root, STATUS); }
    Path openFaceDir() { return new Path(root, OPENFACE); }
    Path landmarksFile(VideoRef v) { return new Path(landmarksDir(), "part-" + v.key() + ".parquet"); }
    Path statusFile(VideoRef v) { return new Path(statusDir(), "part-" + v.key() + ".parquet"); }
    Path openFaceFile(VideoRef v) { return new Path(openFaceDir(), v.stem() + "-" + v.key() + ".csv"); }

    /** A hidden name next to {@code file} for writing it before {@link #commit}. */
    static Path temp(Path file) { return new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp"); }

    /** Moves a finished temporary file into place, replacing an older copy. */
    static void commit(FileSystem fs, Path tmp, Path file) throws IOException {
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) throw new IOException("cannot rename " + tmp + " to " + file);
    }

    static void deleteQuietly(FileSystem fs, Path p) {
        if (p == null) return;
        try { fs.delete(p, false); } catch (IOException ignored) { /* best effort: hidden names are skipped by readers */ }
    }

    /** "--max-faces=8 then, 2 now; ..." for the settings that differ (settings are space-separated NAME=VALUE). */
    static String difference(String before, String now) {
        java.util.Map<String, String> a = parse(before), b = parse(now);
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String n : names) {
            String x = a.getOrDefault(n, "(unset)"), y = b.getOrDefault(n, "(unset)");
            if (!x.equals(y)) out.add(n + "=" + x + " then, " + y + " now");
        }
        return Snippet.clean(out.isEmpty() ? before : String.join("; ", out));
    }

    private static java.util.Map<String, String> parse(String settings) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String t : settings.strip().split("\\s+")) {
            int eq = t.indexOf('=');
            if (eq > 0) m.put(t.substring(0, eq), t.substring(eq + 1));
        }
        return m;
    }

    /**
     * Creates the folders, or says in one line why the output cannot be used; checks that the
     * folder was not written with other tracking options (a rerun would mix two kinds of rows).
     */
    void prepare(Configuration conf, String settings, boolean openface) {
        String where = Snippet.path(root);
        try {
            FileSystem fs = root.getFileSystem(conf);
            try {
                FileStatus s = fs.getFileStatus(root);
                if (!s.isDirectory()) throw new BatchException("--output " + where + " is a file; give a folder (it is created when missing)");
            } catch (FileNotFoundException e) {
                // created below
            }
            for (Path d : openface ? new Path[] {landmarksDir(), statusDir(), openFaceDir()} : new Path[] {landmarksDir(), statusDir()}) {
                if (!fs.mkdirs(d)) throw new BatchException("cannot create " + Snippet.path(d) + "; check --output and its permissions");
            }
            Path file = new Path(root, SETTINGS);
            if (fs.exists(file)) {
                String before;
                try (var in = fs.open(file)) { before = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip(); }
                if (!before.equals(settings.strip())) {
                    throw new BatchException("--output " + where + " was written with other tracking options (" + difference(before, settings)
                            + "); rerun with those, or give a new --output");
                }
            } else {
                Path tmp = temp(file);
                try (var out = fs.create(tmp, true)) { out.write((settings.strip() + "\n").getBytes(StandardCharsets.UTF_8)); }
                commit(fs, tmp, file);
            }
            // What a killed run left half-written: hidden, so never read, and its videos are processed again now.
            for (Path d : new Path[] {landmarksDir(), statusDir(), openFaceDir()}) {
                if (!fs.exists(d)) continue;
                for (FileStatus f : fs.listStatus(d, p -> p.getName().startsWith(".") && (p.getName().endsWith(".tmp") || p.getName().endsWith(".tmp.crc")))) {
                    fs.delete(f.getPath(), false);
                }
            }
            Path probe = temp(new Path(statusDir(), "probe"));
            try (var out = fs.create(probe, true)) { out.write(1); }
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new BatchException("cannot write to --output " + where + ": " + Snippet.clean(e.getMessage()) + "; check the path and its permissions");
        }
    }
}
