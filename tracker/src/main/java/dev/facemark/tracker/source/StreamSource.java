package dev.facemark.tracker.source;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;

/**
 * A network stream FFmpeg reads: an IP camera or server over rtsp://, http(s):// (MPEG-TS, MJPEG,
 * HLS), tcp://, udp://, srt://, rtmp://. A stream without a known length is live: when it stops
 * (the server closed it, or nothing came for the timeout) that is reported as a
 * {@link SourceLostException}, never as a normal end, so a wrapper can reconnect and the command
 * line can say what happened. A stream with a known length (a file served over HTTP) ends like a file.
 */
public final class StreamSource implements FrameSource {
    private final String shown;
    private final long timeoutMs;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final boolean live;
    private final double fps;
    private long index;
    private long firstTs = Long.MIN_VALUE;
    private double lastMs = -1;
    private long stalledNs;
    private final boolean connectionless;
    private boolean ended;

    /**
     * Connects and reads the stream's header.
     *
     * @param timeoutMs how long the server may stay silent, while connecting or streaming
     * @throws SourceException one line naming the URL, what went wrong and what to do
     */
    public StreamSource(String url, long timeoutMs) {
        this.shown = StreamUrl.redacted(url);
        this.timeoutMs = timeoutMs;
        String scheme = StreamUrl.scheme(url);
        FfmpegLog.quiet();
        if (!StreamUrl.readable(scheme)) {
            throw new SourceException("cannot open " + shown + ": this FFmpeg build has no " + scheme + ":// input; stream URLs it reads: "
                    + StreamUrl.readableList(), "unsupported protocol " + scheme + "://");
        }
        grabber = new FFmpegFrameGrabber(url);
        StreamUrl.timeoutOptions(scheme, timeoutMs).forEach(grabber::setOption);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release();
            throw openFailure(url, scheme, FfmpegErrors.code(e));
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            release();
            throw new SourceException("stream " + shown + " has no video (audio only?); check the URL", "no video in the stream");
        }
        live = grabber.getLengthInTime() <= 0;
        fps = grabber.getVideoFrameRate() > 0 && grabber.getVideoFrameRate() < 1000 ? grabber.getVideoFrameRate() : 0;
        connectionless = scheme.equals("udp") || scheme.equals("rtp");
    }

    private SourceException openFailure(String url, String scheme, int code) {
        String host = code == FfmpegErrors.EIO ? StreamUrl.unresolvableHost(url) : null;
        String why = host != null ? "unknown host " + host + "; check the URL" : FfmpegErrors.stream(code, scheme, timeoutMs);
        return new SourceException("cannot open stream " + shown + ": " + why, brief(why));
    }

    /** The words before the advice: "connection refused (...)" of "connection refused (...); check the URL". */
    static String brief(String why) {
        int semi = why.indexOf("; ");
        return semi < 0 ? why : why.substring(0, semi);
    }

    @Override
    public SourceFrame next() {
        if (ended) return null;
        Frame f;
        long callNs = System.nanoTime();
        try {
            f = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            ended = true;
            String why = "the stream broke off: " + FfmpegErrors.describe(FfmpegErrors.code(e));
            throw new SourceLostException("stream " + shown + " stopped after " + index + " frames (" + why + ")", why, index, 0);
        }
        long now = System.nanoTime();
        // A read that waited out the timeout: JavaCV then hands out the decoder's last frames before the end.
        if (now - callNs >= timeoutMs * 800_000) stalledNs = now;
        if (f == null || f.image == null) {
            ended = true;
            if (!live && index > 0) return null;
            boolean silent = connectionless || stalledNs != 0 && now - stalledNs < 2_000_000_000L;
            String why = index == 0 ? "no frame arrived"
                    : silent ? "no data for " + FfmpegErrors.seconds(timeoutMs) : "the server closed the stream";
            throw new SourceLostException("stream " + shown + " stopped after " + index + " frames (" + why + ")", why, index, 0);
        }
        long ts = grabber.getTimestamp();
        if (firstTs == Long.MIN_VALUE) firstTs = ts;
        double ms = (ts - firstTs) / 1000.0;
        // Live streams restart or wrap their clocks; times handed on always increase.
        if (ms <= lastMs || ms > lastMs + 60_000 && index > 0) ms = lastMs + (fps > 0 ? 1000.0 / fps : 40.0);
        lastMs = ms;
        return new SourceFrame(index++, ms, converter.convert(f), null);
    }

    @Override public String name() { return shown; }
    @Override public double fps() { return fps; }
    @Override public long frameCount() { return live ? -1 : grabber.getLengthInVideoFrames(); }
    @Override public boolean live() { return live; }
    @Override public int height() { return grabber.getImageHeight(); }

    private void release() {
        try { grabber.release(); } catch (Exception ignored) { /* closing anyway */ }
    }

    @Override
    public void close() {
        converter.close();
        release();
    }
}
