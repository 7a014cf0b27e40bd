package dev.facemark.batch.job;

import dev.facemark.core.Snippet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code --input} names, as a list of videos: a folder (its video files, recursively), a glob
 * ({@code DIR/*.mp4}, {@code s3a://bucket/2024/** /*.mkv} as Hadoop globs), a manifest (.txt/.lst:
 * one path or URI per line; .csv: the {@code path}, {@code video}, {@code file}, {@code uri} or
 * {@code url} column, else the first), or one video. Local paths and any Hadoop file system Spark is
 * configured for ({@code hdfs://}, {@code s3a://}, ...); manifest lines may also be URLs FFmpeg reads
 * itself ({@code http(s)://}, ...). Relative manifest entries are relative to the manifest's folder.
 * Every problem is a {@link BatchException} with one line naming what and what to do.
 */
public final class VideoInputs {
    private VideoInputs() {}

    /** File extensions a folder or glob-matched folder is searched for. */
    public static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi", "mpg", "mpeg", "ts", "mts",
            "m2ts", "flv", "wmv", "3gp", "ogv", "mxf", "dv", "y4m");
    static final Set<String> MANIFEST_EXTENSIONS = Set.of("txt", "lst", "list", "csv");
    /** Schemes FFmpeg opens itself; everything else with a scheme goes through Hadoop's file systems. */
    static final Set<String> FFMPEG_SCHEMES = Set.of("http", "https", "rtsp", "rtsps", "rtmp", "rtmps", "tcp", "udp", "srt");
    static final String WHAT = "give a folder of videos, a glob such as 'DIR/*.mp4', or a manifest (.txt or .csv, one video path or URI per line)";

    public static List<VideoRef> resolve(String input, Configuration conf) {
        if (input == null || input.isBlank()) throw new BatchException("--input is empty; " + WHAT);
        Path p = new Path(input);
        FileSystem fs = fileSystem(p, conf, input);
        List<VideoRef> out = new ArrayList<>();
        try {
            if (isGlob(input)) {
                FileStatus[] matches = fs.globStatus(p);
                if (matches == null || matches.length == 0) throw new BatchException("--input " + Snippet.path(input) + " matches no file; check the pattern");
                for (FileStatus s : matches) {
                    if (s.isDirectory()) listFolder(fs, s.getPath(), out);
                    else out.add(ref(s));
                }
            } else {
                FileStatus s;
                try {
                    s = fs.getFileStatus(p);
                } catch (FileNotFoundException e) {
                    throw new BatchException("input " + Snippet.path(input) + " does not exist; " + WHAT);
                }
                if (s.isDirectory()) {
                    listFolder(fs, s.getPath(), out);
                    if (out.isEmpty()) {
                        throw new BatchException("folder " + Snippet.path(input) + " has no video files (looked for ." + String.join(", .", sorted(VIDEO_EXTENSIONS))
                                + ", in subfolders too); " + WHAT);
                    }
                } else if (MANIFEST_EXTENSIONS.contains(extension(s.getPath().getName()))) {
                    out.addAll(manifest(fs, s.getPath(), input));
                } else {
                    out.add(ref(s));
                }
            }
        } catch (IOException e) {
            throw new BatchException("cannot list " + Snippet.path(input) + ": " + Snippet.clean(e.getMessage()) + "; check the path and the file system's settings");
        }
        return dedupe(out);
    }

    /** True when the input has glob characters (Hadoop's glob syntax: * ? [ ] { }). */
    static boolean isGlob(String s) {
        return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static FileSystem fileSystem(Path p, Configuration conf, String input) {
        try {
            return p.getFileSystem(conf);
        } catch (IOException | RuntimeException e) {
            String scheme = p.toUri().getScheme();
            throw new BatchException("cannot open " + Snippet.path(input) + ": no file system for " + (scheme == null ? "it" : scheme + "://")
                    + " (" + Snippet.clean(e.getMessage()) + "); for s3a:// add hadoop-aws to the classpath (README: batch/README.md)");
        }
    }

    private static void listFolder(FileSystem fs, Path dir, List<VideoRef> out) throws IOException {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        List<VideoRef> found = new ArrayList<>();
        String root = dir.toUri().getPath();
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            if (!s.isFile() || hiddenBelow(root, s.getPath())) continue;
            if (VIDEO_EXTENSIONS.contains(extension(s.getPath().getName()))) found.add(ref(s));
        }
        found.sort(java.util.Comparator.comparing(VideoRef::video));
        out.addAll(found);
    }

    /** Names starting with '.' or '_' below the listed folder are hidden (Hadoop's and Spark's convention). */
    private static boolean hiddenBelow(String root, Path file) {
        String rel = file.toUri().getPath();
        rel = rel.startsWith(root) ? rel.substring(root.length()) : file.getName();
        for (String part : rel.split("/")) if (part.startsWith(".") || part.startsWith("_")) return true;
        return false;
    }

    private static List<VideoRef> manifest(FileSystem fs, Path file, String input) {
        String text;
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                b.write(buf, 0, n);
                if (b.size() > 256 << 20) throw new BatchException("manifest " + Snippet.path(input) + " is over 256 MB; split it or give a folder or a glob");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BatchException("manifest " + Snippet.path(input) + " is not UTF-8 text; give a text file with one video path or URI per line");
        } catch (IOException e) {
            throw new BatchException("cannot read manifest " + Snippet.path(input) + ": " + Snippet.clean(e.getMessage()) + "; check that it is a readable file");
        }
        if (text.indexOf('\0') >= 0) throw new BatchException("manifest " + Snippet.path(input) + " is not text (it holds NUL bytes); give a text file with one video path or URI per line");
        boolean csv = extension(file.getName()).equals("csv");
        List<String> all = text.lines().toList();
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String l = all.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            lines.add(l.startsWith("\uFEFF") ? l.substring(1) : l);
            numbers.add(i + 1);
        }
        int column = 0;
        int first = 0;
        if (csv && !lines.isEmpty()) {
            List<String> head = csvFields(lines.get(0));
            for (int i = 0; i < head.size(); i++) {
                if (Set.of("path", "video", "file", "uri", "url", "filename").contains(head.get(i).strip().toLowerCase(Locale.ROOT))) {
                    column = i;
                    first = 1;
                    break;
                }
            }
        }
        Path base = file.getParent();
        List<VideoRef> out = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            String entry = lines.get(i);
            if (csv) {
                List<String> f = csvFields(entry);
                if (column >= f.size()) {
                    throw new BatchException("manifest " + Snippet.path(input) + ", line " + numbers.get(i) + " has no column " + (column + 1) + ": " + Snippet.quote(entry));
                }
                entry = f.get(column).strip();
            }
            if (entry.isEmpty()) continue;
            try {
                out.add(new VideoRef(entryName(entry, base), -1));
            } catch (IllegalArgumentException e) {
                throw new BatchException("manifest " + Snippet.path(input) + ", line " + numbers.get(i) + " is not a path or URI: " + Snippet.quote(entry));
            }
        }
        if (out.isEmpty()) throw new BatchException("manifest " + Snippet.path(input) + " lists no videos; give one video path or URI per line");
        return out;
    }

    /** A manifest entry as the {@code video} column names it: URLs as they are, paths made absolute against the manifest's folder. */
    private static String entryName(String entry, Path base) {
        String scheme = scheme(entry);
        if (scheme != null && !scheme.equals("file")) return entry;
        if (scheme != null) return URI.create(entry).getPath();
        Path p = new Path(entry);
        // Relative entries are relative to the manifest's folder, absolute ones on the manifest's file system.
        return name(p.isAbsolute() ? p.makeQualified(base.toUri(), base) : new Path(base, p));
    }

    /** The URI scheme of a manifest entry or input, lower case, or null for a plain path (a Windows drive letter is not a scheme). */
    static String scheme(String s) {
        int i = s.indexOf("://");
        if (i <= 1) return s.startsWith("file:/") ? "file" : null;
        String sch = s.substring(0, i);
        return sch.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.') ? sch.toLowerCase(Locale.ROOT) : null;
    }

    private static VideoRef ref(FileStatus s) { return new VideoRef(name(s.getPath()), s.getLen()); }

    /** Local files by their absolute path, everything else by its full URI. */
    static String name(Path p) {
        URI u = p.toUri();
        return u.getScheme() == null || u.getScheme().equals("file") ? u.getPath() : u.toString();
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The fields of one CSV line: commas separate, double quotes quote (with "" for a quote). */
    static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static List<VideoRef> dedupe(List<VideoRef> refs) {
        Map<String, VideoRef> m = new LinkedHashMap<>();
        for (VideoRef r : refs) m.putIfAbsent(r.video(), r);
        return new ArrayList<>(m.values());
    }

    private static List<String> sorted(Set<String> s) { return s.stream().sorted().toList(); }
}
