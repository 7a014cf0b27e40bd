package dev.facemark.tracker.source;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JavaCV's FFmpeg failures ("avformat_open_input() error -111: Could not open input ... (Has
 * setFormat() been called?) ...") into a few plain words and what to do, for one-line messages.
 * Error numbers are FFmpeg's: negated errno values (Linux numbering) or its own tags.
 */
final class FfmpegErrors {
    static final int ENOENT = -2, EIO = -5, EACCES = -13, EINVAL = -22, EPIPE = -32, ENETUNREACH = -101, ECONNRESET = -104,
            ETIMEDOUT = -110, ECONNREFUSED = -111, EHOSTUNREACH = -113;
    static final int INVALIDDATA = tag('I', 'N', 'D', 'A'), PROTOCOL_NOT_FOUND = tag(0xF8, 'P', 'R', 'O'),
            HTTP_BAD_REQUEST = tag(0xF8, '4', '0', '0'), HTTP_UNAUTHORIZED = tag(0xF8, '4', '0', '1'),
            HTTP_FORBIDDEN = tag(0xF8, '4', '0', '3'), HTTP_NOT_FOUND = tag(0xF8, '4', '0', '4'),
            HTTP_TOO_MANY_REQUESTS = tag(0xF8, '4', '2', '9'), HTTP_OTHER_4XX = tag(0xF8, '4', 'X', 'X'),
            HTTP_SERVER_ERROR = tag(0xF8, '5', 'X', 'X'), EOF = tag('E', 'O', 'F', ' '), EXIT = tag('E', 'X', 'I', 'T');

    private static final Pattern CODE = Pattern.compile("error (-\\d+)");

    private FfmpegErrors() {}

    private static int tag(int a, int b, int c, int d) { return -(a | (b << 8) | (c << 16) | (d << 24)); }

    /** FFmpeg's error number in a JavaCV exception message, 0 when there is none. */
    static int code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() == null) continue;
            Matcher m = CODE.matcher(t.getMessage());
            if (m.find()) {
                try { return Integer.parseInt(m.group(1)); } catch (NumberFormatException ignored) { return 0; }
            }
        }
        return 0;
    }

    /** Why a network stream could not be opened, and what to do. */
    static String stream(int code, String scheme, long timeoutMs) {
        String wait = seconds(timeoutMs);
        if (code == ECONNREFUSED) return "connection refused (nothing is serving at that address and port); check the URL and that the camera or server is running";
        if (code == ETIMEDOUT) return "no answer within " + wait + "; check the address, or allow longer with --timeout MS";
        if (code == EHOSTUNREACH || code == ENETUNREACH) return "host unreachable; check the address and the network";
        if (code == ECONNRESET || code == EPIPE) return "the server dropped the connection; check the URL and the server";
        if (code == HTTP_NOT_FOUND) return "the server has no such stream (HTTP 404); check the path in the URL";
        if (code == HTTP_UNAUTHORIZED) return "access denied (HTTP 401); give the user name and password in the URL (" + scheme + "://USER:PASSWORD@HOST/...)";
        if (code == HTTP_FORBIDDEN) return "access denied (HTTP 403); check the URL and the credentials";
        if (code == HTTP_BAD_REQUEST || code == HTTP_TOO_MANY_REQUESTS || code == HTTP_OTHER_4XX) return "the server refused the request (HTTP 4xx); check the URL";
        if (code == HTTP_SERVER_ERROR) return "the server failed (HTTP 5xx); check the server or try again later";
        if (code == INVALIDDATA) return "no video stream FFmpeg can read arrived within " + wait + "; check the URL and the stream's format";
        if (code == PROTOCOL_NOT_FOUND) return "this FFmpeg build cannot read " + scheme + ":// URLs";
        if (code == EIO) return "the connection failed or no data arrived within " + wait + "; check the URL and that the camera or server is running";
        if (code == EINVAL) return "the URL or one of its options is invalid; check the URL";
        if (code == EACCES) return "permission denied";
        if (code == EXIT) return "interrupted";
        return describe(code) + "; check the URL and that the camera or server is running";
    }

    /** Why a local video file could not be opened, and what to do. */
    static String file(int code) {
        if (code == ENOENT) return "no such file; check the path";
        if (code == EACCES) return "permission denied; check the file's permissions";
        return "not a video file, or truncated/corrupt; check the path or re-encode it";
    }

    /** FFmpeg's own short words for an error number ("Connection reset by peer"), lower-cased. */
    static String describe(int code) {
        if (code == 0) return "FFmpeg failed";
        try (BytePointer buf = new BytePointer(256)) {
            if (avutil.av_strerror(code, buf, 256) == 0) {
                String s = buf.getString().trim();
                if (!s.isEmpty()) return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
            }
        } catch (RuntimeException | LinkageError e) {
            // no native library: the number has to do
        }
        return "FFmpeg error " + code;
    }

    static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
