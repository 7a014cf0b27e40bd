package dev.facemark.tracker.source;

import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Network stream URLs (rtsp://, http(s)://, tcp://, udp://, srt://, rtmp://...): which of them this
 * FFmpeg build reads, and the FFmpeg options that bound how long one may stay silent.
 */
public final class StreamUrl {
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");
    /** The stream schemes named in messages, in this order, when this FFmpeg build reads them. */
    private static final List<String> KNOWN = List.of("rtsp", "rtsps", "http", "https", "tcp", "udp", "srt", "rtmp", "rtmps", "rtp");
    private static volatile Set<String> inputs;

    private StreamUrl() {}

    /** True for "scheme://..." (a local path never looks like that). */
    public static boolean isUrl(String s) { return s != null && URL.matcher(s).matches(); }

    /** The scheme, lower case: "rtsp" for "RTSP://cam/1". */
    public static String scheme(String url) { return url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT); }

    /** True when FFmpeg here reads URLs of this scheme (rtsp:// is a demuxer over tcp/udp, the rest are protocols). */
    public static boolean readable(String scheme) {
        Set<String> p = inputProtocols();
        return switch (scheme) {
            case "rtsp" -> avformat.av_find_input_format("rtsp") != null;
            case "rtsps" -> avformat.av_find_input_format("rtsp") != null && p.contains("tls");
            default -> p.contains(scheme);
        };
    }

    /** "rtsp://, http://, ..." for messages: the known stream schemes this build reads. */
    public static String readableList() {
        return String.join(", ", KNOWN.stream().filter(StreamUrl::readable).map(s -> s + "://").toList());
    }

    /** FFmpeg's input protocols (avio_enum_protocols). */
    static Set<String> inputProtocols() {
        Set<String> p = inputs;
        if (p != null) return p;
        Set<String> found = new LinkedHashSet<>();
        try (PointerPointer<Pointer> opaque = new PointerPointer<>(1)) {
            opaque.put(0, (Pointer) null);
            BytePointer name;
            while ((name = avformat.avio_enum_protocols(opaque, 0)) != null) found.add(name.getString());
        }
        inputs = Set.copyOf(found);
        return inputs;
    }

    /**
     * FFmpeg options that make a silent peer an error after {@code timeoutMs}, while connecting and
     * while streaming. Each protocol names it differently: {@code timeout} in microseconds for tcp,
     * http(s) (and so HLS and MJPEG over HTTP), rtsp and udp; srt also takes {@code connect_timeout}
     * in milliseconds; rtmp uses the generic {@code rw_timeout} (its own {@code timeout} means "listen").
     */
    static Map<String, String> timeoutOptions(String scheme, long timeoutMs) {
        String us = Long.toString(timeoutMs * 1000);
        Map<String, String> o = new LinkedHashMap<>();
        switch (scheme) {
            case "tcp", "http", "https", "rtsp", "rtsps" -> o.put("timeout", us);
            case "udp" -> {
                o.put("timeout", us);
                o.put("overrun_nonfatal", "1"); // a slow reader drops packets instead of ending the stream
            }
            case "srt" -> {
                o.put("connect_timeout", Long.toString(timeoutMs));
                o.put("timeout", us);
            }
            default -> o.put("rw_timeout", us);
        }
        return o;
    }

    /** The URL for messages, without a password: rtsp://admin:***@cam/1. */
    public static String redacted(String url) {
        int start = url.indexOf("://") + 3, at = url.indexOf('@', start), slash = url.indexOf('/', start);
        if (at < 0 || (slash >= 0 && slash < at)) return url;
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > at) return url;
        return url.substring(0, colon + 1) + "***" + url.substring(at);
    }

    /** The host of the URL when it has one that does not resolve (for the unknown-host message), else null. */
    static String unresolvableHost(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null || host.isEmpty()) return null;
        try {
            InetAddress.getByName(host);
            return null;
        } catch (java.io.IOException | SecurityException e) {
            return host;
        }
    }
}
