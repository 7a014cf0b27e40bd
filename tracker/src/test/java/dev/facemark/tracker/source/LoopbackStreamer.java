package dev.facemark.tracker.source;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * The stand-in for the {@code ffmpeg} program where JavaCV's copy cannot run (it links every
 * libavdevice dependency, PulseAudio included, which a bare machine may lack): a separate JVM that
 * serves a video in real time through the same FFmpeg libraries, as {@code ffmpeg -re -stream_loop
 * -1 -i VIDEO -c:v mpeg4 -g 10 -f FORMAT URL} would (HTTP URLs listen, like {@code -listen 1}).
 * Usage: {@code LoopbackStreamer URL FORMAT VIDEO [RESTART_AFTER_FRAMES PAUSE_MS]}; it runs until
 * killed, closing the stream once after RESTART_AFTER_FRAMES frames and serving again PAUSE_MS later.
 */
public final class LoopbackStreamer {
    private LoopbackStreamer() {}

    public static void main(String[] args) throws Exception {
        String url = args[0], format = args[1], video = args[2];
        long restartAfter = args.length > 3 ? Long.parseLong(args[3]) : 0, pauseMs = args.length > 4 ? Long.parseLong(args[4]) : 0;
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(video)) {
            in.start();
            serve(in, url, format, restartAfter);
            if (restartAfter <= 0) return;
            // A server that went away and came back: the client saw the stream end, then refused connections.
            Thread.sleep(pauseMs);
            serve(in, url, format, 0);
        }
    }

    /** Streams {@code frames} frames (0: until killed), then closes the stream properly. */
    private static void serve(FFmpegFrameGrabber in, String url, String format, long frames) throws Exception {
        FFmpegFrameRecorder out = new FFmpegFrameRecorder(url, in.getImageWidth(), in.getImageHeight(), 0);
        out.setFormat(format);
        boolean mjpeg = format.equals("mpjpeg");
        out.setVideoCodec(mjpeg ? avcodec.AV_CODEC_ID_MJPEG : avcodec.AV_CODEC_ID_MPEG4);
        if (mjpeg) out.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
        out.setFrameRate(25);
        out.setGopSize(10);
        out.setVideoQuality(5);
        if (url.startsWith("http")) out.setOption("listen", "1");
        out.start(); // listening URLs block here until the client connects
        long t0 = System.nanoTime(), n = 0;
        while (frames <= 0 || n < frames) {
            Frame f = in.grabImage();
            if (f == null) {
                in.setTimestamp(0);
                continue;
            }
            long wait = t0 + n * 40_000_000L - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            out.record(f);
            n++;
        }
        out.stop();
        out.release();
    }
}
