package dev.facemark.core.data;

import dev.facemark.core.geom.FaceBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImglabXmlTest {
    @TempDir Path dir;

    /** A file in the style of iBUG's labels_ibug_300W_train.xml, with an ignored box and a second face. */
    private Path ibugStyle() throws IOException {
        Files.createDirectories(dir.resolve("helen/trainset"));
        BadInputTest.image(dir.resolve("helen/trainset/146827737_1.jpg"));
        StringBuilder x = new StringBuilder("<?xml version='1.0' encoding='ISO-8859-1'?>\n"
                + "<?xml-stylesheet type='text/xsl' href='image_metadata_stylesheet.xsl'?>\n"
                + "<dataset>\n<name>iBUG face point dataset - training images</name>\n<images>\n"
                + "  <image file='helen/trainset/146827737_1.jpg'>\n"
                + "    <box top='224' left='22' width='376' height='376'>\n");
        for (int i = 0; i < 68; i++) x.append("      <part name='").append(String.format("%02d", i)).append("' x='").append(66 + i).append("' y='").append(340 - i).append("'/>\n");
        x.append("    </box>\n    <box top='1' left='2' width='3' height='4' ignore='1'/>\n    <box top='10' left='20' width='30' height='40'>\n");
        for (int i = 67; i >= 0; i--) x.append("      <part name='").append(i).append("' x='").append(i + 0.5).append("' y='").append(2 * i).append("'/>\n");
        x.append("    </box>\n  </image>\n</images>\n</dataset>\n");
        Path xml = dir.resolve("labels.xml");
        Files.writeString(xml, x);
        return xml;
    }

    @Test
    void readsBoxesAndPartsByName() throws IOException {
        Dataset d = ImglabXml.read(ibugStyle(), 68);
        assertEquals(2, d.size(), "ignored box skipped");
        FaceSample a = d.get(0), b = d.get(1);
        assertEquals(new FaceBox(22, 224, 376, 376), a.box());
        assertEquals(66f, a.points()[0]);
        assertEquals(340f, a.points()[1]);
        assertEquals(66f + 67, a.points()[134]);
        assertEquals(dir.resolve("helen/trainset/146827737_1.jpg").toAbsolutePath(), a.image());
        assertEquals("helen/trainset/146827737_1.jpg#2", b.name());
        assertEquals(10.5f, b.points()[20]); // part 10, given out of order
        assertEquals(20f, b.points()[21]);
    }

    @Test
    void writeThenReadRestoresSamples() throws IOException {
        Dataset d = ImglabXml.read(ibugStyle(), 68);
        Path out = dir.resolve("copy.xml");
        ImglabXml.write(out, "copy", d.samples(), false);
        Dataset back = ImglabXml.read(out, 68);
        assertEquals(d.size(), back.size());
        for (int i = 0; i < d.size(); i++) {
            assertArrayEquals(d.get(i).points(), back.get(i).points(), 1e-3f);
            assertEquals(d.get(i).box(), back.get(i).box());
            assertEquals(d.get(i).image(), back.get(i).image());
        }
        // dlib mode rounds to integers; a sample without a box gets its landmark box.
        FaceSample noBox = new FaceSample("x", d.get(0).image(), new float[136], "t");
        noBox.points()[0] = 3.4f;
        noBox.points()[3] = 7.6f;
        ImglabXml.write(out, "ints", List.of(noBox), true);
        String text = Files.readString(out);
        assertTrue(text.contains("<box top='0' left='0' width='3' height='8'>"), text);
        assertTrue(text.contains("<part name='00' x='3' y='0'/>"), text);
        assertEquals(1, ImglabXml.read(out, 68).size());
    }

    @Test
    void badFilesNameFileAndLine() throws IOException {
        Path xml = ibugStyle();
        String good = Files.readString(xml);
        // Drop part 05 of the first box (line 12): the box (line 7) has 67 parts.
        Files.writeString(xml, good.replace("      <part name='05' x='71' y='335'/>\n", ""));
        DataFormatException e = assertThrows(DataFormatException.class, () -> ImglabXml.read(xml, 68));
        assertTrue(e.getMessage().startsWith(xml + ":7: box has 67 parts, expected 68"), e.getMessage());
        Dataset lenient = ImglabXml.read(xml, 68, LoadMode.LENIENT, ImageCheck.EXISTS);
        assertEquals(1, lenient.size());
        assertEquals(1, lenient.problems().size());

        Files.writeString(xml, good.replace("x='70'", "x='seventy'"));
        assertTrue(assertThrows(DataFormatException.class, () -> ImglabXml.read(xml, 68)).getMessage()
                .startsWith(xml + ":12: <part> attribute x='seventy' is not a number"));

        Files.writeString(xml, good.replace("</images>", ""));
        DataFormatException wf = assertThrows(DataFormatException.class, () -> ImglabXml.read(xml, 68));
        assertTrue(wf.getMessage().contains("not well-formed XML"), wf.getMessage());
        assertFalse(wf.getMessage().contains("\n"));

        Files.writeString(xml, good.replace("146827737_1.jpg", "missing.jpg"));
        assertTrue(assertThrows(DataFormatException.class, () -> ImglabXml.read(xml, 68)).getMessage().contains("missing.jpg"));
    }
}
