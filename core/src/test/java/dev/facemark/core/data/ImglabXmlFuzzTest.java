package dev.facemark.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.facemark.core.FuzzSupport;

import java.nio.file.Path;

/**
 * dlib imglab XML: each box a sample with 68 parts and a finite box, or a clean
 * {@link DataFormatException} naming the XML (never an XML parser's own exception).
 */
class ImglabXmlFuzzTest {
    @FuzzTest
    void xml(byte[] data) {
        Path xml = FuzzSupport.write("labels.xml", data);
        YtfCsvFuzzTest.touch(FuzzSupport.scratch().resolve("face.jpg"));
        String name = xml.toString();
        FuzzSupport.expectCleanOrSuccess(DataFormatException.class, name,
                () -> check(ImglabXml.read(xml, 68, LoadMode.STRICT, ImageCheck.EXISTS), name));
        FuzzSupport.expectCleanOrSuccess(DataFormatException.class, name,
                () -> check(ImglabXml.read(xml, 68, LoadMode.LENIENT, ImageCheck.NONE), name));
    }

    private static void check(Dataset d, String file) {
        YtfCsvFuzzTest.check(d, file);
        for (FaceSample s : d.samples()) {
            if (s.box() == null) throw new AssertionError(s + ": no box");
            for (float v : s.box().toArray()) if (!Float.isFinite(v)) throw new AssertionError(s + ": non-finite box");
        }
    }
}
