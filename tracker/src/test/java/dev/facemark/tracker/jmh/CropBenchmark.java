package dev.facemark.tracker.jmh;

import dev.facemark.core.geom.CropTransform;
import dev.facemark.core.image.Cropper;
import dev.facemark.core.image.Normalization;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.TimeUnit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * The model-input crop of the tracker's hot path: core's {@link Cropper#cropInto} of a 112 px face out
 * of a 640x480 BGR frame (warpAffine + normalise into a direct float buffer), grey and RGB, upright
 * and rolled 15 degrees. A 160 px face needs no pre-blur; the "small" case (a 400 px face) shows the
 * anti-alias blur path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class CropBenchmark {
    @Param({"grey", "rgb"}) public String channels;
    @Param({"0", "15"}) public float rollDegrees;
    @Param({"160", "400"}) public float faceSide;

    private Mat frame;
    private Cropper cropper;
    private CropTransform crop;
    private Normalization norm;
    private FloatBuffer out;

    @Setup
    public void setup() {
        frame = new Mat(480, 640, CV_8UC3);
        byte[] noise = new byte[480 * 640 * 3];
        new java.util.Random(5).nextBytes(noise);
        frame.data().put(noise);
        cropper = new Cropper();
        crop = new CropTransform(320, 240, faceSide, faceSide, (float) Math.toRadians(rollDegrees), 112, 112);
        norm = channels.equals("grey") ? Normalization.GREY_UNIT : Normalization.RGB_UNIT;
        out = ByteBuffer.allocateDirect(3 * 112 * 112 * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Benchmark
    public float cropInto() {
        out.clear();
        cropper.cropInto(frame, crop, norm, out);
        return out.get(112 * 56 + 56);
    }

    @TearDown
    public void close() {
        cropper.close();
        frame.close();
    }
}
