package dev.facemark.batch.job;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One video of the job.
 *
 * @param video what the {@code video} column says: an absolute local path, or a URI ({@code s3a://...}, {@code hdfs://...}, {@code https://...})
 * @param size  its size in bytes when the listing told it, else -1 (used to start the longest videos first)
 */
public record VideoRef(String video, long size) implements Serializable {
    /** The video's key in output file names: the first 16 hex digits of the SHA-256 of {@link #video}. */
    public String key() { return key(video); }

    public static String key(String video) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(video.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name without folder or extension, for the OpenFace CSV's name. */
    public String stem() {
        String s = video;
        int q = s.indexOf('?');
        if (q >= 0 && s.contains("://")) s = s.substring(0, q);
        s = s.substring(s.lastIndexOf('/') + 1);
        int dot = s.lastIndexOf('.');
        if (dot > 0) s = s.substring(0, dot);
        s = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "video" : s.length() > 80 ? s.substring(0, 80) : s;
    }
}
