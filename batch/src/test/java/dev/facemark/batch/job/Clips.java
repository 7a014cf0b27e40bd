package dev.facemark.batch.job;

import dev.facemark.tracker.source.DemoSource;
import dev.facemark.tracker.source.FrameSource;
import dev.facemark.tracker.source.SourceFrame;
import dev.facemark.tracker.source.VideoFileSource;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Real clips for the tests, encoded with FFmpeg here: cuts of the shared webcam sample (scaled, mirrored), the demo portrait, broken files. */
final class Clips {
    private Clips() {}

    static Path root() { return Path.of(System.getProperty("facemark.root", "..")).toAbsolutePath().normalize(); }

    /** ../shared/samples/webcam_talking.mp4: 400x300, 25 fps, 765 frames, one person talking. */
    static Path sample() { return root().resolve("../shared/samples/webcam_talking.mp4").normalize(); }

    /**
     * Frames [from, from + count) of the sample, scaled to width x height and optionally mirrored,
     * encoded as MPEG-4 Part 2 (.mp4, .avi, .mkv) or MJPEG (.avi with mjpeg in the name).
     */
    static Path cut(Path out, int from, int count, int width, int height, boolean mirror) throws Exception {
        try (FrameSource in = new VideoFileSource(sample())) {
            return encode(out, in, from, count, width, height, mirror);
        }
    }

    /** The built-in demo portrait (a drawn face that moves), count frames at 25 fps. */
    static Path demo(Path out, int count) throws Exception {
        try (FrameSource in = new DemoSource(7, 25, count, false)) {
            return encode(out, in, 0, count, 320, 240, false);
        }
    }

    private static Path encode(Path out, FrameSource in, int from, int count, int width, int height, boolean mirror) throws Exception {
        dev.facemark.tracker.source.FfmpegLog.quiet(); // no encoder banner per clip
        Files.createDirectories(out.toAbsolutePath().getParent());
        String name = out.getFileName().toString();
        boolean mjpeg = name.contains("mjpeg");
        try (OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), width, height, 0);
             Mat scaled = new Mat(); Mat mirrored = new Mat()) {
            rec.setFormat(name.endsWith(".avi") ? "avi" : name.endsWith(".mkv") ? "matroska" : "mp4");
            rec.setVideoCodec(mjpeg ? avcodec.AV_CODEC_ID_MJPEG : avcodec.AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(mjpeg ? avutil.AV_PIX_FMT_YUVJ420P : avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(25);
            rec.setGopSize(12);
            rec.setVideoQuality(3);
            rec.start();
            int written = 0;
            for (SourceFrame f; written < count && (f = in.next()) != null; ) {
                if (f.index() < from) continue;
                Mat m = f.bgr();
                if (m.cols() != width || m.rows() != height) { resize(m, scaled, new Size(width, height)); m = scaled; }
                if (mirror) { flip(m, mirrored, 1); m = mirrored; }
                rec.record(conv.convert(m));
                written++;
            }
            rec.stop();
        }
        return out;
    }

    /** The first third of the sample's bytes: FFmpeg opens it, and it ends long before its announced length. */
    static Path truncated(Path out) throws Exception {
        byte[] all = Files.readAllBytes(sample());
        Files.createDirectories(out.toAbsolutePath().getParent());
        return Files.write(out, Arrays.copyOf(all, all.length / 3));
    }

    /** Text in a file named like a video. */
    static Path notAVideo(Path out) throws Exception {
        Files.createDirectories(out.toAbsolutePath().getParent());
        return Files.writeString(out, "this is not a video\n".repeat(40));
    }
}
