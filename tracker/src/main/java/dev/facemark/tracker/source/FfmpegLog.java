package dev.facemark.tracker.source;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg writes its own warnings to stderr; we report problems ourselves, in one line, so keep it quiet. */
public final class FfmpegLog {
    private static volatile boolean done;

    private FfmpegLog() {}

    public static void quiet() {
        if (done) return;
        avutil.av_log_set_level(Boolean.getBoolean("facemark.ffmpeg.verbose") ? avutil.AV_LOG_INFO : avutil.AV_LOG_QUIET);
        done = true;
    }
}
