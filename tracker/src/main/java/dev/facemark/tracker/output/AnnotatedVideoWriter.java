package dev.facemark.tracker.output;

import dev.facemark.tracker.source.FfmpegLog;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes annotated frames to a video file with FFmpeg: H.264 (libx264) when this FFmpeg build has
 * it, MPEG-4 Part 2 otherwise. The frame size is fixed by the first frame. {@link #close} always
 * finalises the container, so whatever was written before a failure is a playable file.
 */
public final class AnnotatedVideoWriter implements AutoCloseable {
    private final Path file;
    private final double fps;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private FFmpegFrameRecorder recorder;
    private String codec;
    private long frames;

    /** Checks the path now, so an unwritable output fails before any work is done. */
    public AnnotatedVideoWriter(Path file, double fps) {
        this.file = file;
        this.fps = fps > 0 ? fps : 25;
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) throw new OutputException("cannot write video to " + file + ": it is a folder");
        if (parent == null || !Files.isDirectory(parent)) {
            throw new OutputException("cannot write video to " + file + ": folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new OutputException("cannot write video to " + file + ": permission denied");
        }
    }

    public void write(Mat bgr) {
        if (recorder == null) start(bgr.cols(), bgr.rows());
        try {
            recorder.record(converter.convert(bgr), avutil.AV_PIX_FMT_BGR24);
            frames++;
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new OutputException("cannot write video " + file + " at frame " + frames + ": " + e.getMessage());
        }
    }

    private void start(int w, int h) {
        Exception h264 = null;
        try {
            recorder = open(w, h, avcodec.AV_CODEC_ID_H264);
            codec = "h264";
            return;
        } catch (Exception e) {
            h264 = e;
        }
        try {
            recorder = open(w, h, avcodec.AV_CODEC_ID_MPEG4);
            codec = "mpeg4";
        } catch (Exception e) {
            throw new OutputException("cannot write video " + file + ": neither H.264 (" + h264.getMessage()
                    + ") nor MPEG-4 (" + e.getMessage() + ") could start");
        }
    }

    /** Whether FFmpeg's H.264 encoder here is libx264 (it takes preset and crf). */
    private static final boolean X264 = x264();

    private static boolean x264() {
        var enc = avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_H264);
        return enc != null && !enc.isNull() && "libx264".equals(enc.name().getString());
    }

    private FFmpegFrameRecorder open(int w, int h, int codecId) throws FrameRecorder.Exception {
        FfmpegLog.quiet();
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
        r.setVideoCodec(codecId);
        r.setFrameRate(fps);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        if (codecId == avcodec.AV_CODEC_ID_H264) {
            if (X264) { // other H.264 encoders (OpenH264 in JavaCV's LGPL build) reject these, noisily
                r.setVideoOption("preset", "veryfast");
                r.setVideoOption("crf", "23");
            }
            // libx264 takes the crf; builds with OpenH264 instead default to 400 kb/s, too little for
            // thin landmark lines, so give them about 0.2 bits per pixel.
            r.setVideoBitrate((int) Math.max(1_000_000, Math.min(20_000_000, 0.2 * w * h * fps)));
        } else {
            r.setVideoQuality(3);
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.contains(".")) r.setFormat("mp4");
        try {
            r.start();
            return r;
        } catch (FrameRecorder.Exception | RuntimeException e) {
            try { r.release(); } catch (Exception ignored) { /* failing anyway */ }
            throw e;
        }
    }

    /** "h264" or "mpeg4" once the first frame is written, else null. */
    public String codec() { return codec; }
    public long frames() { return frames; }
    public Path path() { return file; }

    @Override
    public void close() {
        converter.close();
        if (recorder == null) return;
        try {
            recorder.stop();
            recorder.release();
        } catch (Exception e) {
            throw new OutputException("cannot finalise video " + file + ": " + e.getMessage());
        }
    }
}
