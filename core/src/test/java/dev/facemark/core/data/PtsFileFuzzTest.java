package dev.facemark.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.facemark.core.FuzzSupport;

import java.nio.file.Path;

/** 300-W .pts files: 68 finite 0-based points or a clean {@link DataFormatException} naming the file. */
class PtsFileFuzzTest {
    @FuzzTest
    void pts(byte[] data) {
        Path f = FuzzSupport.write("face.pts", data);
        FuzzSupport.expectCleanOrSuccess(DataFormatException.class, f.toString(), () -> {
            float[] p = PtsFile.read(f, 68);
            if (p.length != 2 * 68) throw new AssertionError(p.length / 2 + " points read");
            for (float v : p) if (!Float.isFinite(v)) throw new AssertionError("non-finite coordinate " + v);
        });
    }
}
