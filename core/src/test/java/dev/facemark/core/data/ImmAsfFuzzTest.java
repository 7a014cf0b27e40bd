package dev.facemark.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.facemark.core.FuzzSupport;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * IMM .asf shape files: 58 points and a host image name, or a clean {@link DataFormatException}
 * naming the file; reading the sample (host image decoded for its size) fails the same way.
 */
class ImmAsfFuzzTest {
    /** A real 50 x 40 image that shapes may name as their host, so that whole samples are read too. */
    static final String HOST = "01-1m.jpg";

    @FuzzTest
    void asf(byte[] data) {
        Path asf = FuzzSupport.write("01-1m.asf", data);
        Path host = FuzzSupport.scratch().resolve(HOST);
        if (!Files.exists(host)) {
            try (Mat m = new Mat(40, 50, CV_8UC3, new Scalar(90, 90, 90, 0))) {
                if (!imwrite(host.toString(), m)) throw new IllegalStateException("cannot write " + host);
            }
        }
        String name = asf.toString();
        FuzzSupport.expectCleanOrSuccess(DataFormatException.class, name, () -> {
            ImmAsf.Shape s = ImmAsf.parse(asf, 58);
            if (s.count() != 58 || s.relative().length != 116) throw new AssertionError(s.count() + " points");
            if (s.hostImage() == null || s.hostImage().isBlank()) throw new AssertionError("no host image");
        });
        FuzzSupport.expectCleanOrSuccess(DataFormatException.class, null, () -> {
            FaceSample s = ImmAsf.read(asf, "imm");
            if (s.pointCount() != 58) throw new AssertionError(s.pointCount() + " points");
        });
    }
}
